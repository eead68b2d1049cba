/** Platform specifiers (`os[/arch[/variant]]`) as containerd's `platforms.Parse` reads them for `--platform`. */

export interface PlatformParts {
  os: string;
  architecture: string;
  variant: string;
}

const KNOWN_OS = new Set([
  'aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'nacl', 'netbsd',
  'openbsd', 'plan9', 'solaris', 'wasip1', 'windows', 'zos',
]);
const ARCH_ALIASES: Record<string, string> = { i386: '386', x86_64: 'amd64', 'x86-64': 'amd64', aarch64: 'arm64', armhf: 'arm', armel: 'arm' };
const KNOWN_ARCH = new Set([
  '386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'loong64', 'mips', 'mipsle', 'mips64', 'mips64le',
  'mips64p32', 'mips64p32le', 'ppc', 'ppc64', 'ppc64le', 'riscv', 'riscv64', 's390', 's390x', 'sparc', 'sparc64', 'wasm',
]);
const COMPONENT = /^[A-Za-z0-9_.-]+$/;

/** Parses a specifier; returns the parts or containerd's error message. */
export function parsePlatform(specifier: string): PlatformParts | string {
  const invalid = (reason: string) => `${JSON.stringify(specifier)}: ${reason}: invalid argument`;
  if (specifier.includes('*')) return invalid('wildcards not yet supported');
  const parts = specifier.split('/');
  for (const part of parts) {
    if (!COMPONENT.test(part)) {
      return `${JSON.stringify(part)}: is an invalid component of ${JSON.stringify(specifier)}: platform specifier component must match "^[A-Za-z0-9_.-]+$": invalid argument`;
    }
  }
  const os = (parts[0] ?? '').toLowerCase();
  switch (parts.length) {
    case 1:
      if (KNOWN_OS.has(os)) return { os, architecture: 'amd64', variant: '' };
      if (isArchitecture(parts[0])) return { os: 'linux', ...normalizeArch(parts[0], '') };
      return invalid('unknown operating system or architecture');
    case 2:
      return { os, ...normalizeArch(parts[1], '') };
    case 3:
      return { os, ...normalizeArch(parts[1], parts[2]) };
    default:
      return invalid('cannot parse platform specifier');
  }
}

/** `os/arch[/variant]`. */
export function formatPlatform(platform: PlatformParts): string {
  return [platform.os, platform.architecture, platform.variant].filter((p) => p !== '').join('/');
}

function isArchitecture(arch: string): boolean {
  const lower = arch.toLowerCase();
  return KNOWN_ARCH.has(ARCH_ALIASES[lower] ?? lower);
}

function normalizeArch(arch: string, variant: string): { architecture: string; variant: string } {
  const lowerArch = arch.toLowerCase();
  const lowerVariant = variant.toLowerCase();
  const architecture = ARCH_ALIASES[lowerArch] ?? lowerArch;
  if (architecture === 'arm64' && (lowerVariant === '8' || lowerVariant === 'v8')) return { architecture, variant: '' };
  if (architecture === 'arm' && lowerVariant === '') return { architecture, variant: lowerArch === 'armel' ? 'v6' : 'v7' };
  if (architecture === 'arm' && /^\d$/.test(lowerVariant)) return { architecture, variant: `v${lowerVariant}` };
  return { architecture, variant: lowerVariant };
}
