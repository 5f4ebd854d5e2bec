import type { ReactNode } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/** An error in words: what failed (title), why (the API's message), and what to do (actions). */
export function ErrorState({
  title,
  message,
  onRetry,
  actions,
}: {
  title: string;
  message: string;
  onRetry?: () => void;
  actions?: ReactNode;
}) {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle> {message}
      </MessageBarBody>
      {(onRetry || actions) && (
        <MessageBarActions>
          {onRetry && <Button onClick={onRetry}>Try again</Button>}
          {actions}
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
