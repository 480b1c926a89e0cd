import { useId } from 'preact/hooks';

interface Props {
  title: string;
  text: string;
  /** Where to go from here. */
  link?: { href: string; label: string };
  /** Announced at once (a failure) rather than read when reached. */
  alert?: boolean;
}

/** A screen that only says something: not found, could not open, open elsewhere. */
export function MessageScreen({ title, text, link, alert = false }: Props) {
  const id = useId();
  return (
    <section class="screen" aria-labelledby={id}>
      <h1 id={id}>{title}</h1>
      <p {...(alert ? { role: 'alert' } : {})}>{text}</p>
      {link && (
        <p>
          <a class="button button--primary" href={link.href}>
            {link.label}
          </a>
        </p>
      )}
    </section>
  );
}
