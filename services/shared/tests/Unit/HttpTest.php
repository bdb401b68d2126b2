<?php

declare(strict_types=1);

namespace Platform\Shared\Tests\Unit;

use Platform\Shared\Http\HttpError;
use Platform\Shared\Http\Input;
use Platform\Shared\Http\Query;
use Platform\Shared\Http\Request;
use Platform\Shared\Http\Response;
use Platform\Shared\Http\Router;
use Platform\Shared\Testing\TestKernel;
use PHPUnit\Framework\TestCase;
use RuntimeException;

final class HttpTest extends TestCase
{
    private function kernel(): TestKernel
    {
        $router = (new Router())
            ->get('/v1/items/{id}', static fn (Request $r, array $p): Response => Response::json(['id' => $p['id']]))
            ->post('/v1/items', static function (Request $r): Response {
                $in = Input::fromRequest($r);

                return Response::json(['name' => $in->string('name')], 201);
            })
            ->get('/v1/boom', static function (): Response {
                throw new RuntimeException('secret detail');
            });

        return new TestKernel($router);
    }

    public function testRoutesWithParameters(): void
    {
        [$status, $body] = $this->kernel()->json('GET', '/v1/items/a%20b');
        self::assertSame(200, $status);
        self::assertSame(['id' => 'a b'], $body);
    }

    public function testUnknownPathIs404AndWrongMethodIs405(): void
    {
        [$status, $body] = $this->kernel()->json('GET', '/nope');
        self::assertSame(404, $status);
        self::assertSame('not_found', $body['error']);
        $response = $this->kernel()->call('DELETE', '/v1/items');
        self::assertSame(405, $response->status);
        self::assertSame('POST', $response->headers['Allow']);
    }

    /** @return iterable<string, array{string, int, string}> */
    public static function badBodies(): iterable
    {
        yield 'empty' => ['', 400, 'empty'];
        yield 'malformed' => ['{"name":', 400, 'not valid JSON'];
        yield 'list' => ['[1,2]', 400, 'JSON object'];
        yield 'scalar' => ['"x"', 400, 'JSON object'];
        yield 'missing' => ['{}', 422, 'name: is required'];
        yield 'wrong type' => ['{"name": 5}', 422, 'name: must be a string, got number'];
        yield 'blank' => ['{"name": " "}', 422, 'must not be empty'];
    }

    /** @dataProvider badBodies */
    public function testBadBodiesAreJson4xx(string $body, int $status, string $message): void
    {
        [$got, $decoded] = $this->kernel()->json('POST', '/v1/items', $body);
        self::assertSame($status, $got);
        self::assertIsString($decoded['message']);
        self::assertStringContainsString($message, $decoded['message']);
    }

    public function testUnhandledErrorIs500WithoutDetails(): void
    {
        $response = $this->kernel()->call('GET', '/v1/boom');
        self::assertSame(500, $response->status);
        self::assertStringNotContainsString('secret detail', $response->body);
    }

    public function testBuiltinEndpoints(): void
    {
        $kernel = $this->kernel();
        self::assertSame(200, $kernel->call('GET', '/health/live')->status);
        self::assertSame(200, $kernel->call('GET', '/health/ready')->status);
        $kernel->call('POST', '/v1/items', ['name' => 'x']);
        $metrics = $kernel->call('GET', '/metrics');
        self::assertStringContainsString(
            'http_requests_total{service="test",method="POST",route="/v1/items",status="201"} 1',
            $metrics->body,
        );
        self::assertStringStartsWith('text/plain', $metrics->headers['Content-Type']);
    }

    public function testInputTypes(): void
    {
        $in = new Input(['n' => 3, 'f' => 1.5, 'o' => ['a' => 1], 'l' => [1], 's' => 'b', 'nil' => null]);
        self::assertSame(3, $in->int('n', 1, 5));
        self::assertSame(7, $in->optionalInt('missing', 7));
        self::assertSame(1.5, $in->optionalFloat('f', 0.0, 0.0, 2.0));
        self::assertSame(0.5, $in->optionalFloat('nil', 0.5, 0.0, 2.0));
        self::assertSame(['a' => 1], $in->object('o'));
        self::assertSame([], $in->optionalObject('missing'));
        self::assertSame('b', $in->oneOf('s', ['a', 'b']));
        self::assertSame('d', $in->optionalString('missing', 'd'));
        self::assertSame(1, $in->nested('o')->int('a'));
        self::assertFalse($in->has('nil'));
        self::assertSame([1], $in->list('l'));
    }

    /** @return iterable<string, array{callable(Input): mixed, string}> */
    public static function inputErrors(): iterable
    {
        yield 'int range' => [static fn (Input $i): int => $i->int('n', 5, 9), 'n: must be between 5 and 9, got 3'];
        yield 'int type' => [static fn (Input $i): int => $i->int('s'), 's: must be an integer, got string'];
        yield 'float type' => [static fn (Input $i): float => $i->optionalFloat('s', 0, 0, 1), 's: must be a number'];
        yield 'float range' => [static fn (Input $i): float => $i->optionalFloat('f', 0, 0, 1), 'f: must be between'];
        yield 'object type' => [static fn (Input $i): array => $i->object('l'), 'l: must be an object, got array'];
        yield 'enum' => [static fn (Input $i): string => $i->oneOf('s', ['a']), 's: must be one of a, got "b"'];
        yield 'long' => [static fn (Input $i): string => $i->string('s', 0), 's: must be at most 0 characters'];
        yield 'nested' => [static fn (Input $i): int => $i->nested('o')->int('b'), 'o.b: is required'];
        yield 'list type' => [static fn (Input $i): array => $i->list('o'), 'o: must be an array, got object'];
        yield 'list size' => [static fn (Input $i): array => $i->list('l', 0), 'l: must have at most 0 items'];
        yield 'bool' => [static fn (Input $i): int => $i->int('t'), 't: must be an integer, got boolean'];
    }

    /**
     * @dataProvider inputErrors
     * @param callable(Input): mixed $read
     */
    public function testInputErrorsNameTheField(callable $read, string $message): void
    {
        $in = new Input(['n' => 3, 'f' => 1.5, 'o' => ['a' => 1], 'l' => [1], 's' => 'b', 't' => true]);
        try {
            $read($in);
            self::fail('expected an HttpError');
        } catch (HttpError $e) {
            self::assertSame(422, $e->status);
            self::assertStringContainsString($message, $e->getMessage());
        }
    }

    public function testTypeOf(): void
    {
        self::assertSame('null', Input::typeOf(null));
        self::assertSame('object', Input::typeOf(['a' => 1]));
    }

    public function testRequestAccessors(): void
    {
        $request = new Request('GET', '/', [], ['x-a' => 'b'], '{"a":{}}');
        self::assertSame('b', $request->header('X-A'));
        self::assertNull($request->header('missing'));
        $value = $request->jsonValue();
        self::assertIsObject($value);
    }

    public function testFromGlobals(): void
    {
        $_SERVER['REQUEST_URI'] = '/v1/x?y=1';
        $_SERVER['REQUEST_METHOD'] = 'post';
        $_SERVER['HTTP_X_TRACE'] = 'abc';
        $_SERVER['CONTENT_TYPE'] = 'application/json';
        $_GET = ['y' => '1', 'z' => ['no']];
        $request = Request::fromGlobals();
        self::assertSame('POST', $request->method);
        self::assertSame('/v1/x', $request->path);
        self::assertSame(['y' => '1'], $request->query);
        self::assertSame('abc', $request->header('x-trace'));
        self::assertSame('application/json', $request->header('content-type'));
    }

    public function testErrorFactories(): void
    {
        self::assertSame(409, HttpError::conflict('c')->toResponse()->status);
        $response = HttpError::invalidField('f', 'bad')->toResponse();
        self::assertSame('{"error":"invalid_field","message":"f: bad","field":"f"}', $response->body);
        self::assertSame('text/plain; charset=utf-8', Response::text('x')->headers['Content-Type']);
    }

    public function testQueryParameters(): void
    {
        $query = Query::of(new Request('GET', '/', ['limit' => '5', 'bad' => 'x', 'name' => 'abc']));
        self::assertSame(5, $query->int('limit', 10, 1, 100));
        self::assertSame(10, $query->int('missing', 10, 1, 100));
        self::assertSame('abc', $query->string('name'));
        self::assertNull($query->string('missing'));
        try {
            $query->int('bad', 1, 1, 10);
            self::fail('expected HttpError');
        } catch (HttpError $e) {
            self::assertSame('bad: must be an integer between 1 and 10, got "x"', $e->getMessage());
        }
        $this->expectExceptionMessage('name: must be at most 2 characters');
        $query->string('name', 2);
    }
}
