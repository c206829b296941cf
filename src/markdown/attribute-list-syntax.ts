/**
 * kramdown's block attribute-list lines (`{: .class}`, `{:name: …}`) as a micromark construct, so
 * they reach the mdast tree as `kramdownAttributeList` nodes that remark-kramdown-ial applies.
 *
 * Only the lines preprocess-kramdown.ts chose are read this way (`file.data.attributeListLines`):
 * it alone knows where kramdown sees such a line (not in a fence, raw HTML or `{::nomarkdown}`).
 * There the construct stands in a block's place as a one-line HTML comment would: it ends a
 * paragraph, closes a list it is not indented into, and sits among its siblings in the tree.
 */
import type { Literal, Root } from 'mdast';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import type { Code, Construct, Effects, Extension as SyntaxExtension, State, TokenizeContext } from 'micromark-util-types';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';

/** A block IAL or ALD line as the author wrote it (indentation left out), where the parser met it. */
export interface KramdownAttributeList extends Literal {
  type: 'kramdownAttributeList';
}

declare module 'mdast' {
  interface BlockContentMap {
    kramdownAttributeList: KramdownAttributeList;
  }
  interface RootContentMap {
    kramdownAttributeList: KramdownAttributeList;
  }
}

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownAttributeList: 'kramdownAttributeList';
  }
}

declare module 'vfile' {
  interface DataMap {
    /** Preprocessed lines (1-based) holding a block attribute list for the parser (see preprocess-kramdown.ts). */
    attributeListLines: number[];
  }
}

const LEFT_BRACE = 123;

/** Has the parser read the attribute-list lines of each page as `kramdownAttributeList` nodes. */
export default function remarkAttributeListSyntax(this: Processor) {
  const data = this.data();
  // Which lines are attribute lists differs per page; the parse is synchronous, so one holder serves.
  const lines: { current: ReadonlySet<number> } = { current: new Set() };
  (data.micromarkExtensions ??= []).push(attributeListSyntax(lines));
  (data.fromMarkdownExtensions ??= []).push(attributeListFromMarkdown);
  const parse = this.parser;
  if (parse === undefined) throw new Error('remark-attribute-list-syntax must come after remark-parse');
  this.parser = (document: string, file: VFile): Root => {
    lines.current = new Set(file.data.attributeListLines ?? []);
    try {
      return parse(document, file) as Root;
    } finally {
      lines.current = new Set();
    }
  };
}

/** The micromark flow construct, reading a whole line at `{` when that line is one of `lines.current`. */
function attributeListSyntax(lines: { readonly current: ReadonlySet<number> }): SyntaxExtension {
  const construct: Construct = {
    name: 'kramdownAttributeList',
    tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
      const inside: State = (code: Code) => {
        // micromark's line endings are the codes below -2 (tabs and virtual spaces are -2 and -1).
        if (code === null || code < -2) {
          effects.exit('kramdownAttributeList');
          return ok(code);
        }
        effects.consume(code);
        return inside;
      };
      return (code: Code) => {
        if (code !== LEFT_BRACE || !lines.current.has(this.now().line)) return nok(code);
        effects.enter('kramdownAttributeList');
        effects.consume(code);
        return inside;
      };
    },
  };
  return { flow: { [LEFT_BRACE]: construct } };
}

/** Turns the construct's token into a `kramdownAttributeList` node holding the line's text. */
const attributeListFromMarkdown: FromMarkdownExtension = {
  enter: {
    kramdownAttributeList(this: CompileContext, token: Token) {
      this.enter({ type: 'kramdownAttributeList', value: '' }, token);
    },
  },
  exit: {
    kramdownAttributeList(this: CompileContext, token: Token) {
      const node = this.stack[this.stack.length - 1] as KramdownAttributeList;
      node.value = this.sliceSerialize(token).trimEnd();
      this.exit(token);
    },
  },
};
