import type { SVGProps } from 'react';

// A handful of 16px stroke icons drawn inline: no icon font or sprite request, and nothing the
// CSP has to allow. They inherit currentColor so they follow the theme.
type IconProps = SVGProps<SVGSVGElement> & { title?: string };

function Icon({ title, children, ...rest }: IconProps) {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden={title ? undefined : true}
      role={title ? 'img' : undefined}
      {...rest}
    >
      {title ? <title>{title}</title> : null}
      {children}
    </svg>
  );
}

export const ShieldIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M8 1.5 2.5 3.5v4c0 3.4 2.3 5.9 5.5 7 3.2-1.1 5.5-3.6 5.5-7v-4L8 1.5Z" />
    <path d="m5.6 8 1.7 1.7 3.2-3.4" />
  </Icon>
);
export const WarningIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M8 1.8 1.2 13.6h13.6L8 1.8Z" />
    <path d="M8 6.2v3.4M8 11.6v.1" />
  </Icon>
);
export const ErrorIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="8" cy="8" r="6.3" />
    <path d="M8 4.6v4M8 11v.1" />
  </Icon>
);
export const CheckIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="m3.2 8.4 3 3 6.6-6.8" />
  </Icon>
);
export const ChevronDownIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="m4 6 4 4 4-4" />
  </Icon>
);
export const SortIcon = ({ sort, ...p }: IconProps & { sort: 'asc' | 'desc' | false }) => (
  <Icon {...p}>
    <path d="m5 6.5 3-3 3 3" opacity={sort === 'asc' ? 1 : 0.35} />
    <path d="m5 9.5 3 3 3-3" opacity={sort === 'desc' ? 1 : 0.35} />
  </Icon>
);
export const ReloadIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M13 3.5v3h-3" />
    <path d="M12.6 6.5A5 5 0 1 0 13 9.5" />
  </Icon>
);
export const SearchIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="7" cy="7" r="4.3" />
    <path d="m10.2 10.2 3.3 3.3" />
  </Icon>
);
export const FileIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M4 1.8h5.2L12.5 5v9.2H4Z" />
    <path d="M9 1.8V5h3.5" />
  </Icon>
);
export const UsersIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="6" cy="5.5" r="2.3" />
    <path d="M1.8 13.5c.4-2.3 2.1-3.7 4.2-3.7s3.8 1.4 4.2 3.7" />
    <path d="M10.5 3.4a2.3 2.3 0 0 1 0 4.3M12 9.9c1.2.5 2 1.7 2.2 3.6" />
  </Icon>
);
export const ActivityIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M1.5 8.5h3l2-5 3 9 2-4h3" />
  </Icon>
);
export const ListIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M5.5 4h8.5M5.5 8h8.5M5.5 12h8.5M2 4h.1M2 8h.1M2 12h.1" />
  </Icon>
);
export const FindingIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M8 1.5 2.5 3.5v4c0 3.4 2.3 5.9 5.5 7 3.2-1.1 5.5-3.6 5.5-7v-4L8 1.5Z" />
    <path d="M8 5.3v3.2M8 10.6v.1" />
  </Icon>
);
export const ReportIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M3.5 1.8h9v12.4h-9Z" />
    <path d="M6 10.5V8.5M8 10.5V6M10 10.5V7.5" />
  </Icon>
);
export const JobsIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M2 4.5h12M2 8h8M2 11.5h5" />
  </Icon>
);
