import { Link } from 'react-router';
import { buttonClass } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';

export function NotFoundRoute() {
  return (
    <Notice
      title="Page not found"
      action={
        <Link to="/" className={buttonClass()}>
          Back to shows
        </Link>
      }
    >
      There is nothing at this address.
    </Notice>
  );
}
