import { Link } from 'react-router';
import { buttonClass } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';

export function Forbidden() {
  return (
    <Notice
      title="This page is for administrators"
      action={
        <Link to="/" className={buttonClass()}>
          Back to shows
        </Link>
      }
    >
      Your account can book shows but cannot manage them. If you think that is wrong, ask an administrator.
    </Notice>
  );
}
