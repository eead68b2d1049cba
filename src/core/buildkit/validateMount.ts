/**
 * The checks BuildKit makes on a `RUN --mount` when the stage is dispatched (`parseMount` with an expander, in
 * `instructions/commands_runmount.go`): mount types, sharing modes, booleans, sizes, modes and ids, and which keys
 * each type allows. A value holding `$` depends on the stage's variables and is not judged.
 */
import { expandVariables, noVariables } from '../parse/expandVariables';
import { splitCsvFields } from '../parse/parseMountOptions';
import { withSuggestion } from '../parse/suggestName';

const MOUNT_TYPES = ['bind', 'cache', 'tmpfs', 'secret', 'ssh'];
const SHARING_MODES = ['shared', 'private', 'locked'];
const KEYS = [
  'type', 'from', 'source', 'target', 'readonly', 'id', 'sharing', 'required', 'size', 'mode', 'uid', 'gid', 'src', 'dst',
  'destination', 'ro', 'rw', 'readwrite', 'env',
];
const GO_BOOLEANS: Record<string, boolean> = {
  '1': true, t: true, T: true, TRUE: true, true: true, True: true,
  '0': false, f: false, F: false, FALSE: false, false: false, False: false,
};
const RAM_SIZE = /^(\d+(\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$/;

/** BuildKit's error for one mount value at dispatch, or null. */
export function validateMount(value: string, escapeToken: string): string | null {
  const fields = splitCsvFields(value);
  if (fields === null) return 'failed to parse csv mounts: extraneous or missing " in quoted-field';
  let type = 'bind';
  let typeKnown = true;
  let from = '';
  let source = '';
  let target = '';
  let id = '';
  let sharing = '';
  const fileInfoKeys = new Set<string>();
  for (const { text: field } of fields) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    if (eq < 0) {
      if (['readonly', 'ro', 'readwrite', 'rw'].includes(key)) continue;
      if (key === 'required') {
        if (!typeKnown || type === 'secret' || type === 'ssh') continue;
        return `unexpected key '${key}' for mount type '${type}'`;
      }
      return `invalid field '${field}' must be a key=value pair`;
    }
    const raw = field.slice(eq + 1);
    if (raw.includes('$')) {
      if (key === 'type') typeKnown = false;
      continue;
    }
    const expanded = expandVariables(raw, noVariables, escapeToken);
    if (expanded.error) return expanded.error;
    const v = expanded.value;
    switch (key) {
      case 'type':
        if (!MOUNT_TYPES.includes(v.toLowerCase())) return withSuggestion(`unsupported mount type ${JSON.stringify(v)}`, v, MOUNT_TYPES, true);
        type = v.toLowerCase();
        break;
      case 'from':
        from = v;
        break;
      case 'source':
      case 'src':
        source = v;
        break;
      case 'target':
      case 'dst':
      case 'destination':
        target = v;
        break;
      case 'readonly':
      case 'ro':
      case 'readwrite':
      case 'rw':
        if (!(v in GO_BOOLEANS)) return `invalid value for ${key}: ${v}`;
        break;
      case 'required':
        if (typeKnown && type !== 'secret' && type !== 'ssh') return `unexpected key '${key}' for mount type '${type}'`;
        if (!(v in GO_BOOLEANS)) return `invalid value for ${key}: ${v}`;
        break;
      case 'size':
        if (typeKnown && type !== 'tmpfs') return `unexpected key '${key}' for mount type '${type}'`;
        if (!RAM_SIZE.test(v)) return `invalid value for ${key}: ${v}`;
        break;
      case 'id':
        id = v;
        break;
      case 'sharing':
        if (!SHARING_MODES.includes(v.toLowerCase())) return withSuggestion(`unsupported sharing value ${JSON.stringify(v)}`, v, SHARING_MODES, true);
        sharing = v;
        break;
      case 'mode':
        if (!/^[0-7]+$/.test(v) || Number.parseInt(v, 8) > 0xffffffff) return `invalid value ${v} for mode`;
        fileInfoKeys.add('mode');
        break;
      case 'uid':
      case 'gid':
        if (!/^\d+$/.test(v) || Number(v) > 0xffffffff) return `invalid value ${v} for ${key}`;
        fileInfoKeys.add(key);
        break;
      case 'env':
        break;
      default:
        return withSuggestion(`unexpected key '${key}' in '${field}'`, key, KEYS, true);
    }
  }
  if (!typeKnown) return null;
  if (!['secret', 'ssh', 'cache'].includes(type)) {
    // Checked after every field, in this order: a later type=cache makes an earlier mode= acceptable.
    for (const key of ['mode', 'uid', 'gid']) {
      if (fileInfoKeys.has(key)) return `${key} not allowed for ${JSON.stringify(type)} type mounts`;
    }
  }
  if (type === 'secret') {
    if (from !== '') return 'secret mount should not have a from';
    if (sharing !== '') return 'secret mount should not define sharing';
    if (source === '' && target === '' && id === '') return 'invalid secret mount. one of source, target required';
    if (source !== '' && id !== '') return "both source and id can't be set";
  }
  if (sharing !== '' && type !== 'cache') return `invalid cache sharing set for ${type} mount`;
  return null;
}
