<?php

declare(strict_types=1);

namespace Platform\Validation;

use Platform\Shared\App\Runtime;
use Platform\Shared\Http\HttpError;
use Platform\Shared\Http\Request;
use Platform\Shared\Http\Response;
use Platform\Shared\Http\Router;
use Platform\Validation\Schema\Catalog;
use Platform\Validation\Schema\Json;
use Platform\Validation\Schema\SchemaError;
use Platform\Validation\Schema\Validator;
use stdClass;

/**
 * Routes of the validation service: ad-hoc and named-schema validation.
 */
final class App
{
    public function __construct(private readonly Validator $validator, private readonly Catalog $catalog)
    {
    }

    /** Wires the service for the HTTP front controller. */
    public static function fromRuntime(Runtime $runtime): Router
    {
        return (new self(new Validator(), new Catalog(dirname(__DIR__) . '/schemas')))->router();
    }

    public function router(): Router
    {
        return (new Router())
            ->post('/v1/validate', fn (Request $r): Response => $this->validateAdHoc($r))
            ->get('/v1/schemas', fn (): Response => Response::json(['schemas' => $this->catalog->names()]))
            ->get(
                '/v1/schemas/{name}',
                fn (Request $r, array $p): Response => Response::json($this->catalog->get($p['name'])),
            )
            ->post('/v1/schemas/{name}/validate', fn (Request $r, array $p): Response => $this->check(
                $this->catalog->get($p['name']),
                $r->jsonValue(),
            ));
    }

    private function validateAdHoc(Request $request): Response
    {
        $body = $request->jsonValue();
        if (!$body instanceof stdClass) {
            throw HttpError::badRequest('request body must be a JSON object with "schema" and "payload"');
        }
        $fields = Json::fields($body);
        foreach (['schema', 'payload'] as $field) {
            if (!array_key_exists($field, $fields)) {
                throw HttpError::invalidField($field, 'is required');
            }
        }
        if (!$fields['schema'] instanceof stdClass && !is_bool($fields['schema'])) {
            throw HttpError::invalidField(
                'schema',
                'must be an object or a boolean, got ' . Json::type($fields['schema']),
            );
        }

        return $this->check($fields['schema'], $fields['payload']);
    }

    private function check(mixed $schema, mixed $payload): Response
    {
        try {
            $violations = $this->validator->validate($schema, $payload);
        } catch (SchemaError $e) {
            throw new HttpError(422, 'invalid_schema', $e->getMessage(), 'schema');
        }

        return Response::json([
            'valid' => $violations === [],
            'errors' => array_map(static fn ($v): array => $v->toArray(), $violations),
        ]);
    }
}
