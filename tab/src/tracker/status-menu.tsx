import { Menu, MenuButton, MenuItemRadio, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import type { ActionStatus } from '../../../src/domain/vocabulary.js';
import { EDITABLE_STATUSES, STATUS_LABELS, type EditableStatus } from './tracker-labels.js';

/**
 * An action's status, changed in the row: a menu button (Enter or the arrow keys open it; Enter picks),
 * so nothing is sent while the person moves through the choices, as a select would on each arrow key.
 */
export function StatusMenu({
  reference,
  status,
  busy,
  onChange,
}: {
  reference: string;
  status: EditableStatus;
  busy: boolean;
  onChange: (status: EditableStatus) => void;
}) {
  return (
    <Menu
      checkedValues={{ status: [status] }}
      onCheckedValueChange={(_, data) => {
        const next = data.checkedItems[0] as ActionStatus | undefined;
        if (next && next !== status && (EDITABLE_STATUSES as readonly string[]).includes(next)) onChange(next as EditableStatus);
      }}
    >
      <MenuTrigger disableButtonEnhancement>
        <MenuButton size="small" appearance="subtle" disabledFocusable={busy} aria-label={`Status of ${reference}: ${STATUS_LABELS[status]}. Change status`}>
          {busy ? 'Saving…' : STATUS_LABELS[status]}
        </MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {EDITABLE_STATUSES.map((s) => (
            <MenuItemRadio key={s} name="status" value={s}>
              {STATUS_LABELS[s]}
            </MenuItemRadio>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
