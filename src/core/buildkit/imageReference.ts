/**
 * Image reference validation as BuildKit does it before pulling (`reference.ParseNormalizedNamed` of
 * github.com/distribution/reference): returns the error text or null for a valid reference.
 */

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_NAME = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*`;
const IPV6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const DOMAIN = `(?:${DOMAIN_NAME}|${IPV6})(?::[0-9]+)?`;
const NAME_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const NAME = `(?:${DOMAIN}/)?${NAME_COMPONENT}(?:/${NAME_COMPONENT})*`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const HEX_IDENTIFIER = /^[a-f0-9]{64}$/;
const DIGEST_LENGTHS: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

/** BuildKit's error for an image reference that cannot be pulled, or null when it is well-formed. */
export function imageReferenceError(reference: string): string | null {
  if (HEX_IDENTIFIER.test(reference)) {
    return `invalid repository name (${reference}), cannot specify 64-byte hexadecimal strings`;
  }
  const { domain, remainder } = splitDockerDomain(reference);
  const tagSep = remainder.indexOf(':');
  const remoteName = tagSep > -1 ? remainder.slice(0, tagSep) : remainder;
  if (remoteName.toLowerCase() !== remoteName) {
    return `invalid reference format: repository name (${remoteName}) must be lowercase`;
  }
  const full = `${domain}/${remainder}`;
  const match = REFERENCE.exec(full);
  if (!match) {
    if (full === '') return 'repository name must have at least one component';
    if (REFERENCE.test(full.toLowerCase())) return 'invalid reference format: repository name must be lowercase';
    return 'invalid reference format';
  }
  if (match[1].length > 255) return 'repository name must not be more than 255 characters';
  const digest = match[3];
  if (digest) {
    const [algorithm, hex] = digest.split(':');
    const expected = DIGEST_LENGTHS[algorithm];
    if (expected === undefined) return 'unsupported digest algorithm';
    if (hex.length !== expected || !/^[a-f0-9]+$/.test(hex)) return 'invalid checksum digest format';
  }
  return null;
}

/**
 * The full name BuildKit prints for an image (`reference.TagNameOnly` of the normalized name): `alpine` becomes
 * `docker.io/library/alpine:latest`, `ghcr.io/a/b:1` stays as it is, a digest is kept and no tag is added to it.
 */
export function normalizedImageName(reference: string): string {
  const { domain, remainder } = splitDockerDomain(reference);
  const hasTag = remainder.split('@')[0].includes(':');
  return `${domain}/${remainder}${hasTag || remainder.includes('@') ? '' : ':latest'}`;
}

function splitDockerDomain(name: string): { domain: string; remainder: string } {
  const slash = name.indexOf('/');
  let domain: string;
  let remainder: string;
  const first = slash === -1 ? '' : name.slice(0, slash);
  if (slash === -1 || (!/[.:]/.test(first) && first !== 'localhost' && first.toLowerCase() === first)) {
    domain = 'docker.io';
    remainder = name;
  } else {
    domain = first;
    remainder = name.slice(slash + 1);
  }
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (domain === 'docker.io' && !remainder.includes('/')) remainder = `library/${remainder}`;
  return { domain, remainder };
}
