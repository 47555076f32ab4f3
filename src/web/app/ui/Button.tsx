import type { ReactNode } from 'react';
import { Button as AriaButton, type ButtonProps } from 'react-aria-components';
import { Link, type LinkProps } from 'react-router';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';
const cls = (variant: Variant, extra?: string) =>
  ['button', variant !== 'primary' && `button--${variant}`, extra].filter(Boolean).join(' ');

export function Button({
  variant = 'primary',
  className,
  ...props
}: ButtonProps & { variant?: Variant; className?: string; children: ReactNode }) {
  return <AriaButton {...props} className={cls(variant, className)} />;
}

/** A navigation link that looks like a button. */
export function LinkButton({ variant = 'primary', className, ...props }: LinkProps & { variant?: Variant }) {
  return <Link {...props} className={cls(variant, className)} />;
}
