/**
 * Stable error codes. Clients branch on `code`; `message` is for people.
 * A code, once published, keeps its meaning. Zod-free, so the tab can read them without the schemas.
 */
export const ERROR_CODES = {
  malformed_json: 400,
  validation_failed: 400,
  unsupported_media_type: 415,
  payload_too_large: 413,
  unauthenticated: 401,
  forbidden: 403,
  /** Microsoft Graph needs the user's (or an admin's) consent first: the tab asks for it. */
  consent_required: 403,
  not_found: 404,
  route_not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  /** Text that may identify a child; the details name each passage. Send again with the confirmation, or edit. */
  child_identifiers_flagged: 422,
  // The action tracker: why a change to an action was refused.
  /** Someone changed the action since the caller read it (another version): reload, then edit again. */
  edit_conflict: 409,
  /** Sign-off, or declining it, needs an action whose completion has been proposed. */
  not_proposed: 409,
  /** The action is signed off (complete) or withdrawn, and this change no longer applies to it. */
  action_closed: 409,
  /** Completion is proposed: the scrutineer or business manager signs it off or declines it, with a reason. */
  awaiting_sign_off: 409,
  /** No action is proposed complete or signed off without evidence attached. */
  evidence_required: 422,
  /**
   * The report was built but the document library (SharePoint through Graph, or the local folder) did not
   * take it. The draft and its narratives are kept as they were: try again, or download it and upload by hand.
   */
  report_store_failed: 502,
  rate_limited: 429,
  not_ready: 503,
  internal_error: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;
