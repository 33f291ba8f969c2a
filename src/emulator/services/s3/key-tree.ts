/**
 * A bucket's keys as a lazily built tree of path segments, so listing a bucket of millions of
 * virtual objects walks only the branches a page needs. Folder names end with `/`; children are
 * sorted by name, which makes a depth-first walk yield keys in S3's (binary) order.
 */
export interface KeyNode<T> {
  children(): readonly KeyChild<T>[];
}

export interface KeyChild<T> {
  name: string;
  /** Set for a folder. */
  node?: KeyNode<T>;
  /** Set for an object. */
  value?: T;
}

/** A folder whose children are computed once, on first use, and sorted. */
export function lazyNode<T>(build: () => KeyChild<T>[]): KeyNode<T> {
  let children: KeyChild<T>[] | undefined;
  return {
    children() {
      if (!children) children = build().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      return children;
    },
  };
}

/**
 * The first object key strictly after `after` that starts with `prefix`, in key order. Folders
 * entirely at or before `after`, or outside `prefix`, are skipped without being opened.
 */
export function firstKeyAfter<T>(root: KeyNode<T>, after: string, prefix: string): { key: string; value: T } | undefined {
  const walk = (node: KeyNode<T>, path: string): { key: string; value: T } | undefined => {
    for (const child of node.children()) {
      const full = path + child.name;
      if (child.node) {
        if (!(full.startsWith(prefix) || prefix.startsWith(full))) continue;
        // Every key under `full` sorts before `after` unless `after` lies inside this folder.
        if (after >= full && !after.startsWith(full)) continue;
        const found = walk(child.node, full);
        if (found) return found;
      } else if (child.value !== undefined && full > after && full.startsWith(prefix)) {
        return { key: full, value: child.value };
      }
    }
    return undefined;
  };
  return walk(root, '');
}

export interface ListingPage<T> {
  objects: { key: string; value: T }[];
  commonPrefixes: string[];
  isTruncated: boolean;
  /** Where the next page starts (exclusive): the last key, or past the last common prefix. */
  resumeAfter?: string;
}

/** Past every key that starts with `prefix` (keys are ASCII here). */
export function afterPrefix(prefix: string): string {
  return `${prefix}\uffff`;
}

/**
 * One page of a listing, as ListObjects does it: keys after `after` under `prefix`; with a
 * delimiter, keys sharing the part up to the next delimiter roll up into one common prefix; keys
 * and common prefixes together count against `maxKeys`.
 */
export function listPage<T>(root: KeyNode<T>, opts: { prefix: string; delimiter?: string; after: string; maxKeys: number }): ListingPage<T> {
  const page: ListingPage<T> = { objects: [], commonPrefixes: [], isTruncated: false };
  let after = opts.after;
  for (;;) {
    const next = firstKeyAfter(root, after, opts.prefix);
    if (!next) return page;
    if (page.objects.length + page.commonPrefixes.length >= opts.maxKeys) {
      page.isTruncated = opts.maxKeys > 0;
      return page;
    }
    const rest = next.key.slice(opts.prefix.length);
    const cut = opts.delimiter ? rest.indexOf(opts.delimiter) : -1;
    if (opts.delimiter && cut >= 0) {
      const common = opts.prefix + rest.slice(0, cut + opts.delimiter.length);
      page.commonPrefixes.push(common);
      after = afterPrefix(common);
    } else {
      page.objects.push(next);
      after = next.key;
    }
    page.resumeAfter = after;
  }
}
