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

function check(value: unknown): void {
  if (typeof value === 'string' && value.includes('\u0000')) throw new AppError('bad_request', 'validation.nul');
}

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
 * refuses — so both databases answer the same, wherever the text came from (URL, form, JSON).
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
