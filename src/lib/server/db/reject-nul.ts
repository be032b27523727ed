import {
  OperationNodeTransformer,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type PrimitiveValueListNode,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
  type ValueNode
} from 'kysely';
import { AppError } from '../errors';

/** A lone UTF-16 surrogate: not a character, and no valid UTF-8 encodes it. */
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Refuses text neither database can store as it is (exported for runPrepared). */
export function checkStorableText(value: unknown): void {
  if (typeof value !== 'string') return;
  if (value.includes('\u0000')) throw new AppError('bad_request', 'validation.nul');
  if (loneSurrogate.test(value)) throw new AppError('bad_request', 'validation.unicode');
}
const check = checkStorableText;

class NulCheck extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    check(node.value);
    return super.transformValue(node);
  }
  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    node.values.forEach(check);
    return super.transformPrimitiveValueList(node);
  }
}

/**
 * Refuses text with a NUL character before it reaches the database, as a 400 with a message: PostgreSQL
 * cannot store or even compare such text (it fails the query), and SQLite would store what PostgreSQL
 * refuses — so both databases answer the same, wherever the text came from (URL, form, JSON). The same
 * for a lone surrogate (`"\ud800"` in JSON): node-postgres sends it as U+FFFD, better-sqlite3 stores the
 * bytes ED A0 80, which are not UTF-8 — two different values, neither what was sent (issue 11).
 */
export class RejectNulPlugin implements KyselyPlugin {
  readonly #check = new NulCheck();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#check.transformNode(args.node);
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
