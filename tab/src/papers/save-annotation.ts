import { apiRoutes } from '../../../src/contract/routes.js';
import type { Annotation } from '../../../src/contract/index.js';
import { callApi } from '../api/api-client.js';
import type { AnnotationDraft } from './annotation-draft.js';

export interface SaveTarget {
  partnershipId: string;
  documentId: string;
  versionId: string;
  meetingId: string | null;
  forumId: string | null;
}

/**
 * Saves the note (observation or challenge) and then the annotation that carries it. Both ids are
 * made once per form, so saving again after a failure never makes a second of either.
 */
export async function saveAnnotation(target: SaveTarget, draft: AnnotationDraft, ids: { noteId: string; annotationId: string }): Promise<Annotation> {
  const params = { partnershipId: target.partnershipId };
  let link: { observationId: string } | { challengeId: string };
  if (draft.kind === 'observation') {
    if (draft.judgement === '') throw new Error('A judgement is needed.');
    const o = await callApi(apiRoutes.createObservation, {
      params,
      body: {
        id: ids.noteId,
        body: draft.body.trim(),
        judgement: draft.judgement,
        evidenceType: draft.evidenceType,
        areaIds: draft.areaIds,
        documentId: target.documentId,
        meetingId: target.meetingId,
      },
    });
    link = { observationId: o.id };
  } else {
    const c = await callApi(apiRoutes.raiseChallenge, {
      params,
      body: { id: ids.noteId, question: draft.question.trim(), addresseePersonId: draft.addresseePersonId, dueDate: draft.dueDate, forumId: target.forumId, identifiersConfirmed: draft.identifiersConfirmed },
    });
    link = { challengeId: c.id };
  }
  return callApi(apiRoutes.createAnnotation, {
    params: { partnershipId: target.partnershipId, documentId: target.documentId },
    body: {
      id: ids.annotationId,
      documentVersionId: target.versionId,
      pageNumber: draft.pageNumber,
      quote: draft.quote.trim(),
      prefix: draft.prefix.slice(-500),
      suffix: draft.suffix.slice(0, 500),
      ...link,
    },
  });
}
