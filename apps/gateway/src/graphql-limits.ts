import type { ApolloServerPlugin } from '@apollo/server';
import type { LocalizedText } from '@coso/domain';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationRule } from 'graphql';
import { type QueryCost, requestCost } from './query-cost.js';

/**
 * Limits on what one GraphQL request may ask, enforced before anything runs: depth, aliases and
 * directives by @escape.tech/graphql-armor (validation rules); cost by our own plugin (query-cost.ts),
 * which reads what expensive fields declare they cost from the schema and page sizes given as
 * variables from the request (a validation rule never sees variables: Apollo validates a document
 * once and caches it); tokens by graphql-js'
 * own parser limit (a 400 GRAPHQL_PARSE_FAILED, worded by error-messages.ts). Chosen to let real admin-web and analyst queries through with room to spare
 * (see graphql-limits.test.ts for the shapes they must accept) while refusing abusive ones:
 *
 * - depth 12: the deepest real reads are about 8 levels (units → nodes → children → nodes →
 *   children → nodes → codes → code); introspection is not counted.
 * - aliases 30: a dashboard asks for a few dozen counts side by side (`w2015: units(…)`, …).
 * - tokens 5000: GraphiQL's introspection query is under 200 tokens; a large hand-written report
 *   query a few hundred.
 * - directives 50: `@include`/`@skip` per optional field of a big form.
 * - cost 50000, counted as "the most fields the response can hold": every field costs 1 and a
 *   list's cost is multiplied by its literal `first`/`last` (armor's objectCost 1, scalarCost 1,
 *   depthCostFactor 1; its default 2/1/1.5 compounds per level and refused a plain 50 districts ×
 *   50 wards tree), plus what a field that computes more than it returns declares it costs
 *   (`extensions: fieldCost(n)` where the field is defined: a directive report 5000, so at most
 *   9 reports in one request, never 29; issue #12). Measured (graphql-limits.test.ts): a page of 100 units with code, parent and
 *   ancestors ≈ 2000; 50 districts × 50 wards with their codes ≈ 28000; 20 × 20 × 20 units ≈
 *   25000; 100 × 100 × 100 ≈ 3 million (refused). A `first` given as a variable counts as its
 *   value in the request (at most MAX_PAGE_SIZE; MAX_PAGE_SIZE when it has none), so the same
 *   operation costs the same written with literals or with variables.
 * - HTTP body 1 MB (express.json): GraphQL documents and variables are far smaller; imports of
 *   large files go through the CLI, not through /graphql.
 */
export const GRAPHQL_LIMITS = {
  maxDepth: 12,
  maxAliases: 30,
  maxTokens: 5000,
  maxDirectives: 50,
  maxCost: 50_000,
} as const;

export const HTTP_BODY_LIMIT = '1mb';

/**
 * Rewrites armor's English-only rejection ("Syntax Error: Query depth limit of 12 exceeded, found
 * 13.") into the project's Vietnamese-first message, keeping the numbers. Armor calls onReject
 * handlers before it reports the error, so the rewritten message is the one the client gets.
 */
function bilingual(vi: (found: string) => string, en: (found: string) => string) {
  return (_context: unknown, error: GraphQLError) => {
    const found = /found (\d+(?:\.\d+)?)/.exec(error.message)?.[1];
    const shown = found === undefined ? '' : String(Math.round(Number(found)));
    const localized = { vi: vi(shown), en: en(shown) };
    error.message = `${localized.vi} / ${localized.en}`;
    // Armor reports the rejection with extensions of its own: the pair is found again by the message.
    rememberLimitMessage(error.message, localized);
  };
}

/** The limits' messages by text (a few hundred at most: one per limit and number found). */
const limitMessages = new Map<string, LocalizedText>();

function rememberLimitMessage(message: string, localized: LocalizedText): void {
  if (limitMessages.size > 1000) limitMessages.clear();
  limitMessages.set(message, localized);
}

/** The `{ vi, en }` of a message a limit wrote, for formatError. */
export function limitMessage(message: string): LocalizedText | undefined {
  return limitMessages.get(message);
}

const L = GRAPHQL_LIMITS;

export function graphqlLimits(): {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
} {
  const armor = new ApolloArmor({
    maxDepth: {
      n: L.maxDepth,
      onReject: [
        bilingual(
          (f) => `Truy vấn lồng quá sâu: ${f} cấp, tối đa ${L.maxDepth} cấp.`,
          (f) => `Query is nested too deeply: ${f} levels, at most ${L.maxDepth}.`,
        ),
      ],
    },
    maxAliases: {
      n: L.maxAliases,
      onReject: [
        bilingual(
          (f) => `Truy vấn dùng quá nhiều bí danh (alias): ${f}, tối đa ${L.maxAliases}.`,
          (f) => `Too many aliases: ${f}, at most ${L.maxAliases}.`,
        ),
      ],
    },
    // Tokens are counted by graphql-js itself (`parseOptions.maxTokens`, below): armor's token
    // plugin throws from Apollo's parsingDidStart hook, which Apollo answers with HTTP 500.
    maxTokens: { enabled: false },
    maxDirectives: {
      n: L.maxDirectives,
      onReject: [
        bilingual(
          (f) => `Truy vấn dùng quá nhiều directive GraphQL: ${f}, tối đa ${L.maxDirectives}.`,
          (f) => `Too many GraphQL directives: ${f}, at most ${L.maxDirectives}.`,
        ),
      ],
    },
    // Cost is counted by costLimitPlugin (below): armor's cost knows no field from another.
    costLimit: { enabled: false },
    // Field suggestions ("Did you mean …") stay on: the schema is public to its users (GraphiQL).
    blockFieldSuggestion: { enabled: false },
  });
  const { plugins, validationRules } = armor.protect();
  // graphql-armor only ships CommonJS type declarations, which name @apollo/server's CommonJS
  // types; at run time there is one Apollo, so the plugins are the ESM type's plugins.
  return {
    plugins: [...(plugins as unknown as ApolloServerPlugin[]), costLimitPlugin()],
    validationRules,
    parseOptions: { maxTokens: L.maxTokens },
  };
}

/**
 * Refuses an operation whose cost (query-cost.ts), with the request's variables, is over the
 * limit, once Apollo has resolved it and before anything runs: a 400 GRAPHQL_VALIDATION_FAILED,
 * as graphql-armor's limits answer. The bound on expensive work (expensive-work-plugin.ts) admits
 * nothing over the limit, so a refused operation never takes a place there.
 */
export function costLimitPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(request) {
          const cost = requestCost(request);
          const refusal = cost && costRefusal(cost);
          if (refusal) throw refusal;
        },
        // A dry run (`X-Coso-Cost: estimate`): the operation's estimated cost, nothing run (API.md, "Limits").
        async responseForOperation(request) {
          if (request.request.http?.headers.get(COST_DRY_RUN_HEADER)?.trim().toLowerCase() !== 'estimate') return null;
          const cost = requestCost(request);
          if (!cost) return null;
          return {
            http: request.response.http,
            body: { kind: 'single', singleResult: { extensions: { cost: costEstimate(cost) } } },
          };
        },
      };
    },
  };
}

/** The request header that asks for the cost of an operation instead of its answer. */
export const COST_DRY_RUN_HEADER = 'x-coso-cost';

/** What a dry run answers in `extensions.cost`: the estimate, the limit, and the fields that declare a cost (once per selection). */
export function costEstimate({ cost, expensive }: QueryCost): { estimated: number; limit: number; expensive: QueryCost['expensive'] } {
  return { estimated: cost, limit: L.maxCost, expensive };
}

/** Whether an operation of this cost is refused (expensive-work-plugin.ts admits no such operation). */
export function overCostLimit(cost: QueryCost): boolean {
  return cost.cost > L.maxCost;
}

/** The refusal of an operation over the cost limit, naming the expensive fields it asks for, how many times and what each costs. */
export function costRefusal({ cost, expensive }: QueryCost): GraphQLError | undefined {
  if (cost <= L.maxCost) return undefined;
  const counted = new Map<string, { n: number; cost: number }>();
  for (const { field, cost } of expensive) counted.set(field, { n: (counted.get(field)?.n ?? 0) + 1, cost });
  const listed = [...counted].map(([field, { n, cost }]) => `${field.split('.')[1]} × ${n} (${cost})`).join(', ');
  const localized = {
    vi:
      `Truy vấn quá tốn kém: chi phí ước tính ${cost}, tối đa ${L.maxCost}. ` +
      (listed
        ? `Trường tốn kém (chi phí mỗi lần): ${listed}; hãy chia thành nhiều yêu cầu.`
        : 'Hãy xin trang nhỏ hơn (first/last) hoặc ít cấp lồng nhau hơn.'),
    en:
      `Query is too expensive: estimated cost ${cost}, at most ${L.maxCost}. ` +
      (listed
        ? `Expensive fields (cost of each call): ${listed}; split them over several requests.`
        : 'Ask for smaller pages (first/last) or fewer nested levels.'),
  };
  return new GraphQLError(`${localized.vi} / ${localized.en}`, {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', localizedMessage: localized, cost, maxCost: L.maxCost, http: { status: 400 } },
  });
}
