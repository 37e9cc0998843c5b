/**
 * The OpenAPI 3.1 description of the API, written by hand beside the routes of ./app.ts (a test checks
 * that every route the app answers is described here and the other way round).
 * @packageDocumentation
 */

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});
const jsonResponse = (description: string, schema: object) => ({
  description,
  content: { 'application/json': { schema } },
});
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const idParameter = (what: string) => ({
  name: 'id',
  in: 'path',
  required: true,
  description: `The ${what} id.`,
  schema: { type: 'string', maxLength: 200 },
});
const pagingParameters = [
  {
    name: 'limit',
    in: 'query',
    description: 'Page size.',
    schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
  },
  {
    name: 'cursor',
    in: 'query',
    description:
      'Where the page starts: the `next` of the previous page, passed back unchanged (keyset paging: every page costs the same at any depth, and rows added meanwhile neither repeat nor hide the rows not yet read). A cursor that is damaged or from another listing is a 400 with `code` `store-invalid-cursor`.',
    schema: { type: 'string', maxLength: 2000 },
  },
  {
    name: 'offset',
    in: 'query',
    deprecated: true,
    description:
      'Rows skipped, for old clients: its cost grows with the offset, and pages shift while rows are added. Use `cursor`; the two together are a 400.',
    schema: { type: 'integer', minimum: 0, default: 0 },
  },
];
const nextCursor = {
  type: ['string', 'null'],
  description: 'The cursor of the next page (pass it as `cursor`), or null when this page is the last.',
};
const jsonBody = (schema: object) => ({ required: true, content: { 'application/json': { schema } } });
const badRequest = errorResponse('The request is malformed (a bad parameter or body).');
const notFound = errorResponse('No such story or article.');
const tooLarge = errorResponse('The body is larger than the server accepts.');
const notJson = errorResponse('The body is not declared as application/json.');

const page = (item: string) => ({
  type: 'object',
  required: ['limit', 'offset', 'total', 'items', 'next'],
  properties: {
    limit: { type: 'integer' },
    offset: { type: 'integer' },
    cursor: { type: 'string', description: 'The cursor this page was asked from, when one was given.' },
    total: { type: 'integer', description: 'Rows before paging.' },
    items: { type: 'array', items: ref(item) },
    next: nextCursor,
  },
});

/** The OpenAPI 3.1 document served at `GET /api/openapi.json`. */
export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'crosscheck',
    version: '0.1.0',
    description:
      'Stories made of many outlets’ articles, each with a source-attributed report. Errors are always `{ error: { status, message } }`.',
  },
  servers: [{ url: '/' }],
  paths: {
    '/api/stories': {
      get: {
        summary: 'List stories, newest first, filtered and paged.',
        description:
          'Ordered by latest publication (undated stories last), then latest change, then id, each descending; page with `cursor`.',
        parameters: [
          ...pagingParameters,
          {
            name: 'q',
            in: 'query',
            description: 'Full-text query over the stories’ articles and claims.',
            schema: { type: 'string', maxLength: 500 },
          },
          {
            name: 'outlet',
            in: 'query',
            description: 'Only stories with an article from this outlet.',
            schema: { type: 'string' },
          },
          {
            name: 'from',
            in: 'query',
            description: 'Only stories with an article published on or after this day.',
            schema: { type: 'string', format: 'date' },
          },
          {
            name: 'to',
            in: 'query',
            description: 'Only stories with an article published on or before this day.',
            schema: { type: 'string', format: 'date' },
          },
        ],
        responses: { 200: jsonResponse('A page of stories.', page('StoryListItem')), 400: badRequest },
      },
    },
    '/api/stories/{id}': {
      get: {
        summary: 'One story and its current report (re-synthesized first when stale).',
        parameters: [idParameter('story')],
        responses: {
          200: jsonResponse('The story and its report.', {
            type: 'object',
            required: ['story', 'report'],
            properties: { story: ref('Story'), report: ref('StoryReport') },
          }),
          400: badRequest,
          404: notFound,
        },
      },
    },
    '/api/stories/{id}/changes': {
      get: {
        summary: 'Claims, quotes, conflicts and updates the story gained since a time.',
        parameters: [
          idParameter('story'),
          {
            name: 'since',
            in: 'query',
            required: true,
            description: 'An ISO 8601 day or instant.',
            schema: { type: 'string' },
          },
        ],
        responses: { 200: jsonResponse('What is new.', ref('StoryChanges')), 400: badRequest, 404: notFound },
      },
    },
    '/api/stories/{id}/articles': {
      get: {
        summary: 'The articles of a story, without their bodies.',
        parameters: [idParameter('story'), ...pagingParameters],
        responses: {
          200: jsonResponse('A page of articles.', page('ArticleSummary')),
          400: badRequest,
          404: notFound,
        },
      },
    },
    '/api/stories/{id}/merge': {
      post: {
        summary: 'Fold another story into this one; the correction sticks on later ingests.',
        parameters: [idParameter('story')],
        requestBody: jsonBody({
          type: 'object',
          required: ['with'],
          properties: { with: { type: 'string', description: 'The id of the story absorbed.' } },
        }),
        responses: {
          200: jsonResponse('The kept story.', {
            type: 'object',
            required: ['id'],
            properties: { id: { type: 'string' } },
          }),
          400: badRequest,
          404: notFound,
          413: tooLarge,
          415: notJson,
        },
      },
    },
    '/api/stories/{id}/split': {
      post: {
        summary: 'Move some articles of this story into a new story; the correction sticks.',
        parameters: [idParameter('story')],
        requestBody: jsonBody({
          type: 'object',
          required: ['articles'],
          properties: { articles: { type: 'array', minItems: 1, items: { type: 'string' } } },
        }),
        responses: {
          201: jsonResponse('The new story.', {
            type: 'object',
            required: ['id'],
            properties: { id: { type: 'string' } },
          }),
          400: badRequest,
          404: notFound,
          413: tooLarge,
          415: notJson,
        },
      },
    },
    '/api/articles/{id}': {
      get: {
        summary: 'One stored article with its body as ingested.',
        parameters: [idParameter('article')],
        responses: { 200: jsonResponse('The article.', ref('Article')), 400: badRequest, 404: notFound },
      },
    },
    '/api/search': {
      get: {
        summary: 'Full-text search over articles and claims, best first.',
        parameters: [
          {
            name: 'q',
            in: 'query',
            required: true,
            description: 'Words (all must match), "quoted phrases" and word* prefixes.',
            schema: { type: 'string', minLength: 1, maxLength: 500 },
          },
          ...pagingParameters,
        ],
        responses: {
          200: jsonResponse('The hits; matched terms in snippets are between « and ».', {
            type: 'object',
            required: ['query', 'limit', 'offset', 'hits', 'next'],
            properties: {
              query: { type: 'string' },
              limit: { type: 'integer' },
              offset: { type: 'integer' },
              cursor: { type: 'string' },
              hits: { type: 'array', items: ref('SearchHit') },
              next: nextCursor,
            },
          }),
          400: badRequest,
        },
      },
    },
    '/api/ingest': {
      post: {
        summary:
          'Add articles (plain text, HTML, or one URL fetched by the server) and place them in stories.',
        description:
          'A URL is fetched with the same guard as the command line: private, loopback and link-local addresses are refused unless the server was started to allow them.',
        requestBody: jsonBody({
          oneOf: [
            {
              type: 'object',
              required: ['articles'],
              properties: {
                articles: { type: 'array', minItems: 1, maxItems: 500, items: ref('ArticleUpload') },
              },
            },
            { type: 'object', required: ['url'], properties: { url: { type: 'string', format: 'uri' } } },
          ],
        }),
        responses: {
          200: jsonResponse('Nothing new: every article was already stored.', ref('IngestOutcome')),
          201: jsonResponse('Articles added and placed.', ref('IngestOutcome')),
          400: badRequest,
          413: tooLarge,
          415: notJson,
          422: errorResponse('The page has no article or is not HTML or text.'),
          502: errorResponse('The URL could not be fetched.'),
        },
      },
    },
    '/api/openapi.json': {
      get: {
        summary: 'This document.',
        responses: { 200: jsonResponse('OpenAPI 3.1.', { type: 'object' }) },
      },
    },
  },
  components: {
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['status', 'message'],
            properties: {
              status: { type: 'integer' },
              message: { type: 'string' },
              code: {
                type: 'string',
                description: 'The stable code of a typed failure, such as `store-invalid-cursor`.',
              },
            },
          },
        },
      },
      StoryListItem: {
        type: 'object',
        required: [
          'id',
          'title',
          'size',
          'outlets',
          'firstPublished',
          'lastPublished',
          'headline',
          'conflicts',
        ],
        properties: {
          id: { type: 'string' },
          title: { type: 'string' },
          size: { type: 'integer', description: 'Number of articles.' },
          outlets: { type: 'array', items: { type: 'string' } },
          firstPublished: { type: ['string', 'null'] },
          lastPublished: { type: ['string', 'null'] },
          headline: { type: ['string', 'null'], description: 'The first summary sentence.' },
          conflicts: { type: 'integer' },
        },
      },
      Story: {
        type: 'object',
        required: [
          'id',
          'title',
          'createdAt',
          'updatedAt',
          'articleIds',
          'reportVersion',
          'reportAt',
          'stale',
        ],
        properties: {
          id: { type: 'string' },
          title: { type: 'string' },
          createdAt: { type: 'string' },
          updatedAt: { type: 'string' },
          articleIds: { type: 'array', items: { type: 'string' } },
          reportVersion: { type: 'integer' },
          reportAt: { type: ['string', 'null'] },
          stale: { type: 'boolean' },
        },
      },
      StoryReport: {
        type: 'object',
        description: 'The report: see schema/story-report.schema.json in the package for its full shape.',
        required: [
          'title',
          'sources',
          'summary',
          'claims',
          'quotes',
          'entities',
          'timeline',
          'conflicts',
          'updates',
          'diagnostics',
        ],
        properties: {
          updates: {
            type: 'array',
            description:
              'Figures revised as the story developed (a death toll rising through the day): each value with the time it was reported, earliest first. A report stored before updates existed reads back with none.',
            items: ref('Update'),
          },
        },
      },
      Update: {
        type: 'object',
        description: 'A figure that moved: at least two values of one slot, in time order.',
        required: ['kind', 'topic', 'positions'],
        properties: {
          kind: { enum: ['number', 'date', 'name', 'attribution', 'stance'] },
          topic: { type: 'string' },
          positions: {
            type: 'array',
            minItems: 2,
            items: {
              type: 'object',
              required: ['value', 'sources', 'evidence', 'asOf'],
              properties: {
                value: { type: 'string' },
                sources: { type: 'array', items: { type: 'string' } },
                evidence: { type: 'array', items: { type: 'object' } },
                asOf: {
                  type: 'string',
                  pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2})?$',
                  description:
                    'When the value was reported: YYYY-MM-DD, or YYYY-MM-DDTHH:MM when the time is known.',
                },
              },
            },
          },
        },
      },
      StoryChanges: {
        type: 'object',
        required: ['storyId', 'since', 'reportAt', 'claims', 'quotes', 'conflicts', 'updates'],
        properties: {
          storyId: { type: 'string' },
          since: { type: 'string' },
          reportAt: { type: ['string', 'null'] },
          claims: { type: 'array', items: { type: 'object' } },
          quotes: { type: 'array', items: { type: 'object' } },
          conflicts: { type: 'array', items: { type: 'object' } },
          updates: {
            type: 'array',
            description:
              'Updates whose values first appeared after since: a figure revised again counts as new.',
            items: ref('Update'),
          },
        },
      },
      ArticleSummary: {
        type: 'object',
        required: ['id', 'ingestedAt'],
        properties: {
          id: { type: 'string' },
          url: { type: 'string' },
          outlet: { type: 'string' },
          title: { type: 'string' },
          published: { type: 'string' },
          path: { type: 'string' },
          ingestedAt: { type: 'string' },
          storyId: { type: 'string' },
        },
      },
      Article: {
        allOf: [
          ref('ArticleSummary'),
          { type: 'object', required: ['body'], properties: { body: { type: 'string' } } },
        ],
      },
      ArticleUpload: {
        type: 'object',
        description: 'Exactly one of text and html.',
        properties: {
          text: { type: 'string' },
          html: { type: 'string' },
          title: { type: 'string' },
          outlet: { type: 'string' },
          url: { type: 'string', format: 'uri' },
          published: { type: 'string', description: 'ISO 8601 day or instant.' },
        },
      },
      SearchHit: {
        type: 'object',
        required: ['kind', 'snippet', 'rank'],
        properties: {
          kind: { enum: ['article', 'claim'] },
          articleId: { type: 'string' },
          storyId: { type: 'string' },
          claimId: { type: 'string' },
          snippet: { type: 'string' },
          rank: { type: 'integer' },
        },
      },
      IngestOutcome: {
        type: 'object',
        required: ['added', 'duplicates', 'placements', 'storiesChanged', 'diagnostics'],
        properties: {
          added: { type: 'array', items: { type: 'string' } },
          duplicates: { type: 'array', items: { type: 'string' } },
          placements: { type: 'array', items: { type: 'object' } },
          storiesChanged: { type: 'array', items: { type: 'string' } },
          diagnostics: { type: 'array', items: { type: 'object' } },
        },
      },
    },
  },
} as const;
