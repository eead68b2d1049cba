import { shortenEnd } from './shortenText';

/** `@algorithm:hex` at the end of a reference: a pinned digest, which says nothing a reader can tell apart. */
const DIGEST = /@[a-z0-9]+(?:[+._-][a-z0-9]+)*:[0-9a-f]{16,}$/i;

/** A tag longer than this (a commit hash, a date-and-hash) keeps its first characters. */
const LONG_TAG = 12;
const TAG_KEPT = 7;

/**
 * An image reference shortened to `max` characters by dropping what differs least between images first: the
 * digest (`@…` says the image is pinned), then the tail of a long tag (`:3b70fad…`), then the registry and
 * namespace (`…/cilium-envoy`), and last the end of what is left. Cutting the middle instead keeps the digest's
 * tail, so three pinned images of one registry all read `quay.io/cilium/ci…`.
 */
export function shortenImageRef(ref: string, max: number): string {
  const text = ref.replace(/\s+/g, ' ');
  const fits = (candidate: string): boolean => Array.from(candidate).length <= max;
  if (fits(text)) return text;
  const digest = DIGEST.exec(text);
  const withoutDigest = digest ? text.slice(0, digest.index) : text;
  const pinned = digest ? '@…' : '';
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  const hasTag = colon > slash;
  const path = hasTag ? withoutDigest.slice(0, colon) : withoutDigest;
  const tag = hasTag ? withoutDigest.slice(colon + 1) : '';
  const shortTag = Array.from(tag).length > LONG_TAG ? `${Array.from(tag).slice(0, TAG_KEPT).join('')}…` : tag;
  const tagged = (name: string, shownTag: string): string => `${name}${hasTag ? `:${shownTag}` : ''}${pinned}`;
  const lastSegment = path.slice(path.lastIndexOf('/') + 1);
  const candidates = [tagged(path, tag), tagged(path, shortTag)];
  // Registry and namespace go together: siblings of one registry then read alike (`…/cilium-envoy`, `…/cilium-builder`).
  if (lastSegment !== path) candidates.push(tagged(`…/${lastSegment}`, shortTag));
  return candidates.find(fits) ?? shortenEnd(candidates[candidates.length - 1], max);
}
