/**
 * Raw HTML in a learning page's Markdown. The renderer never passes HTML through (markdown-it runs
 * with `html: false` and sanitize-html keeps an allowlist), but an editor who pastes `<script>` or
 * `<iframe>` must be told it will not appear: this removes raw tags, HTML comments and `javascript:`
 * link targets from the Markdown (outside code) and reports each removal.
 */
export interface TRemoval {
  kind: 'script' | 'tag' | 'comment' | 'link';
  text: string;
}

export interface TSanitised {
  markdown: string;
  removed: TRemoval[];
}

/** Code (fenced blocks and inline spans) is left alone: there `<b>` is text an editor shows. */
const CODE = /(```[\s\S]*?(?:```|$)|~~~[\s\S]*?(?:~~~|$)|`[^`\n]+`)/;

const RULES: { kind: TRemoval['kind']; re: RegExp; keep?: (m: RegExpExecArray) => string }[] = [
  { kind: 'script', re: /<(script|style|iframe|object|embed|noscript|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi },
  { kind: 'comment', re: /<!--[\s\S]*?(?:-->|$)/g },
  { kind: 'tag', re: /<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?\/?>/g },
  // [text](javascript:…) keeps its text and loses the link.
  {
    kind: 'link',
    re: /\[([^\]\n]*)\]\(\s*(?:javascript|vbscript|data):(?:[^()\n]|\([^()\n]*\))*\)/gi,
    keep: (m) => m[1]
  }
];

function clean(text: string, removed: TRemoval[]): string {
  let out = text;
  for (const rule of RULES) {
    out = out.replace(rule.re, (...args) => {
      const match = args[0] as string;
      const groups = args.slice(0, -2) as string[];
      removed.push({ kind: rule.kind, text: match.length > 120 ? `${match.slice(0, 117)}...` : match });
      return rule.keep ? rule.keep(groups as unknown as RegExpExecArray) : '';
    });
  }
  return out;
}

/** Removes raw HTML from Markdown outside code and lists what went. Idempotent. */
export function sanitiseMarkdown(markdown: string): TSanitised {
  const removed: TRemoval[] = [];
  const parts = markdown.split(CODE);
  let out = '';
  for (let i = 0; i < parts.length; i++) out += i % 2 === 1 ? parts[i] : clean(parts[i], removed);
  // Removing a tag can join `<` and `script>` pieces into a new tag: repeat until nothing is left.
  if (removed.length > 0) {
    const again = sanitiseMarkdown(out);
    return { markdown: again.markdown, removed: [...removed, ...again.removed] };
  }
  return { markdown: out, removed };
}
