/**
 * Renders a card's JSON with Microsoft's own Adaptive Cards renderer (the `adaptivecards` package, 3.0.6),
 * and reports what it made of it: parse events, validation failures, properties it does not know, the
 * rendered HTML, the inputs and the actions.
 *
 * Needs a DOM: a spec using it starts with `// @vitest-environment jsdom`.
 *
 * What 3.0.6 knows, checked against node_modules/adaptivecards/lib (so nothing is registered here):
 * - Action.Execute is a default action (GlobalRegistry.defaultActions, since 1.4), with `verb`, `data` and
 *   `associatedInputs`.
 * - The card's `refresh` is parsed by RefreshDefinition (since 1.4) with exactly `action` (which must be an
 *   Action.Execute, else it logs ActionTypeNotAllowed) and `userIds`: a Teams refresh parses without events.
 * - `$schema`, `version` and `fallbackText` are card properties; TextBlock `style: "heading"` and input
 *   `label`/`isRequired`/`errorMessage` are in its 1.3–1.5 schema.
 * - The default HostConfig has `supportsInteractivity: true`, as Teams has; no host config is needed.
 *
 * The library does NOT report a property it does not know: it drops it silently (a misspelt `isRequried`
 * or `verbb` would pass). So this module also compares every parsed object's JSON keys with the library's
 * schema for that type, and reports the rest as unknown. No property is allowed beyond the library's
 * schema; a Teams-only property (e.g. the card's `msteams`, documented by Teams and not by the library)
 * would have to be added here by name, with a reference to the Teams page that documents it.
 */
import {
  Action,
  AdaptiveCard,
  CardElement,
  ExecuteAction,
  FactSet,
  SerializationContext,
  ShowCardAction,
  SubmitActionBase,
  ValidationEvent,
  ValidationPhase,
  Version,
  Versions,
  type IValidationEvent,
  type SerializableObject,
} from 'adaptivecards';

export interface CardEvent {
  event: string;
  phase: string;
  message: string;
  /** The JSON type of the object the event is about, when the library says. */
  source?: string;
}

export interface RenderedInput {
  type: string;
  id: string | undefined;
  label: string | undefined;
  isRequired: boolean;
}

export interface RenderedAction {
  type: string;
  title: string | undefined;
  /** Action.Execute only. */
  verb: string | undefined;
  /** Action.Execute and Action.Submit only. */
  data: unknown;
  associatedInputs: string | undefined;
  /** Where the action sits: the card's actions (and any ShowCard within), or the card's refresh. */
  where: 'card' | 'refresh';
}

export interface RenderedCard {
  card: AdaptiveCard;
  /** Warnings and errors logged while parsing, against the card's declared version. */
  parseEvents: CardEvent[];
  /** JSON properties the library does not know, as "Type.property". */
  unknownProperties: string[];
  /** What `card.validateProperties()` found. */
  validationFailures: CardEvent[];
  element: HTMLElement;
  /** The rendered text: each text node's text, whitespace collapsed, joined by single spaces. */
  text: string;
  inputs: RenderedInput[];
  actions: RenderedAction[];
}

/**
 * Keys a type parses itself rather than through its property schema (see the `source["…"]` reads in
 * card-elements.js): collections of child elements and actions, and an element's fallback.
 */
const PARSED_OUTSIDE_SCHEMA: Record<string, readonly string[]> = {
  AdaptiveCard: ['body', 'actions'],
  Container: ['items'],
  Column: ['items'],
  ColumnSet: ['columns'],
  RichTextBlock: ['inlines'],
  ActionSet: ['actions'],
  'Action.ShowCard': ['card'],
};
const ANY_TYPE_OUTSIDE_SCHEMA = ['fallback'];

let domReady = false;
function prepareDom(): void {
  if (domReady) return;
  if (typeof document === 'undefined') throw new Error('The Adaptive Cards renderer needs a DOM: start the spec with // @vitest-environment jsdom');
  // jsdom has no innerText (https://github.com/jsdom/jsdom/issues/1245), and the renderer writes every
  // text, label and button title through it; without this the rendered card would have no text at all.
  if (!('innerText' in HTMLElement.prototype)) {
    Object.defineProperty(HTMLElement.prototype, 'innerText', {
      configurable: true,
      get(this: HTMLElement) {
        return this.textContent ?? '';
      },
      set(this: HTMLElement, value: string) {
        this.textContent = value;
      },
    });
  }
  // No markdown processor: TextBlock text is rendered as written (the library would otherwise warn on
  // the console that markdown processing is not enabled). Teams does process markdown there.
  AdaptiveCard.onProcessMarkdown = (_text, result) => {
    result.didProcess = false;
  };
  domReady = true;
}

const eventOf = (e: IValidationEvent): CardEvent => ({
  event: ValidationEvent[e.event] ?? String(e.event),
  phase: ValidationPhase[e.phase] ?? String(e.phase),
  message: e.message,
  ...(e.source && 'getJsonTypeName' in e.source ? { source: (e.source as CardElement | Action).getJsonTypeName() } : {}),
});

function schemaNames(o: SerializableObject): Set<string> {
  const schema = o.getSchema();
  const names = new Set<string>();
  for (let i = 0; i < schema.getCount(); i++) names.add(schema.getItemAt(i).name);
  return names;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses, validates and renders one card (Adaptive Card JSON, as a builder returns it). */
export function renderCard(json: object): RenderedCard {
  prepareDom();
  const source = json as Record<string, unknown>;
  const declared = typeof source.version === 'string' ? Version.parse(source.version, new SerializationContext()) : undefined;
  // Against the version the card declares, so a property newer than it is reported (UnsupportedProperty).
  const context = new SerializationContext(declared?.isValid ? declared : Versions.latest);

  const unknownProperties: string[] = [];
  const compare = (typeName: string, parsed: SerializableObject, json: unknown) => {
    if (!isRecord(json)) return;
    const known = schemaNames(parsed);
    const structural = [...(PARSED_OUTSIDE_SCHEMA[typeName] ?? []), ...ANY_TYPE_OUTSIDE_SCHEMA];
    for (const key of Object.keys(json)) if (!known.has(key) && !structural.includes(key)) unknownProperties.push(`${typeName}.${key}`);
  };
  const compareObject = (o: CardElement | Action, json: unknown) => {
    compare(o.getJsonTypeName(), o, json);
    // Facts are parsed as a property collection, not as elements: compare them one by one.
    if (o instanceof FactSet && isRecord(json) && Array.isArray(json.facts)) o.facts.forEach((fact, i) => compare('Fact', fact, (json.facts as unknown[])[i]));
  };
  context.onParseElement = (element, json) => compareObject(element, json);
  context.onParseAction = (action, json) => compareObject(action, json);

  const card = new AdaptiveCard();
  card.parse(json, context);
  compare('AdaptiveCard', card, json);
  if (card.refresh) compare('Refresh', card.refresh, source.refresh);

  const parseEvents: CardEvent[] = [];
  for (let i = 0; i < context.eventCount; i++) parseEvents.push(eventOf(context.getEventAt(i)));

  const validationFailures = card.validateProperties().validationEvents.map(eventOf);

  const element = card.render();
  if (!element) throw new Error(`The renderer rendered nothing (card version ${String(source.version)}).`);

  return {
    card,
    parseEvents,
    unknownProperties,
    validationFailures,
    element,
    text: renderedText(element),
    inputs: card.getAllInputs().map((input) => ({ type: input.getJsonTypeName(), id: input.id, label: input.label, isRequired: input.isRequired })),
    actions: [...allActions(card).map((a) => describeAction(a, 'card' as const)), ...(card.refresh?.action ? [describeAction(card.refresh.action, 'refresh')] : [])],
  };
}

function renderedText(element: HTMLElement): string {
  const parts: string[] = [];
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) parts.push(text);
  }
  return parts.join(' ');
}

/** Every action of the card: its own, those in its elements, and those of any ShowCard's card, recursively. */
function allActions(card: AdaptiveCard): Action[] {
  const seen = new Set<Action>();
  const visit = (action: Action) => {
    if (seen.has(action)) return;
    seen.add(action);
    if (action instanceof ShowCardAction) action.card.getAllActions().forEach(visit);
  };
  card.getAllActions().forEach(visit);
  return [...seen];
}

function describeAction(action: Action, where: RenderedAction['where']): RenderedAction {
  return {
    type: action.getJsonTypeName(),
    title: action.title,
    verb: action instanceof ExecuteAction ? action.verb : undefined,
    data: action instanceof SubmitActionBase ? action.data : undefined,
    associatedInputs: action instanceof SubmitActionBase ? action.associatedInputs : undefined,
    where,
  };
}
