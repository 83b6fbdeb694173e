import { Button, type ButtonProps } from 'antd';
import { type Operation, useCan } from './use-can.ts';

// A button that performs one API operation: shown only to a user the server allows it
// (useCan), and marked with that operation in data-action, so a walk through the pages can check
// every visible action against the caller's permissions. Row-level conditions (a ticket's
// state, a manager's own store) stay with the caller, who renders the button or not.
export function ActionButton({ action, ...props }: ButtonProps & { action: Operation }) {
  const can = useCan();
  if (!can(action)) return null;
  return <Button {...props} data-action={action} />;
}
