<?php

declare(strict_types=1);

namespace Platform\Validation\Tests\Unit;

use Platform\Shared\Testing\TestKernel;
use Platform\Validation\App;
use PHPUnit\Framework\TestCase;

final class AppTest extends TestCase
{
    private TestKernel $kernel;

    protected function setUp(): void
    {
        $runtime = TestKernel::runtime(dirname(__DIR__, 2), []);
        $this->kernel = new TestKernel(App::fromRuntime($runtime), [], 'validation');
    }

    public function testAdHocValidation(): void
    {
        [$status, $body] = $this->kernel->json(
            'POST',
            '/v1/validate',
            '{"schema":{"type":"object","required":["a"]},"payload":{}}',
        );
        self::assertSame(200, $status);
        self::assertSame(['valid' => false, 'errors' => [['path' => '$.a', 'message' => 'is required']]], $body);
        [$status, $body] = $this->kernel->json('POST', '/v1/validate', '{"schema":true,"payload":null}');
        self::assertSame([200, ['valid' => true, 'errors' => []]], [$status, $body]);
    }

    public function testNamedSchemas(): void
    {
        [$status, $body] = $this->kernel->json('GET', '/v1/schemas');
        self::assertSame([200, ['schemas' => ['notification', 'workflow-input']]], [$status, $body]);
        [$status, $body] = $this->kernel->json('GET', '/v1/schemas/workflow-input');
        self::assertSame(200, $status);
        self::assertSame('object', $body['type']);
        $payload = '{"document_id":"d1","steps":["extract","extract"],"priority":12}';
        [$status, $body] = $this->kernel->json('POST', '/v1/schemas/workflow-input/validate', $payload);
        self::assertSame(200, $status);
        self::assertFalse($body['valid']);
        self::assertSame([
            ['path' => '$.steps', 'message' => 'must not contain duplicate items'],
            ['path' => '$.priority', 'message' => 'must be <= 9'],
        ], $body['errors']);
    }

    /** @return iterable<string, array{string, string, string, int, string}> */
    public static function badRequests(): iterable
    {
        yield 'malformed' => ['POST', '/v1/validate', '{"schema":', 400, 'not valid JSON'];
        yield 'empty' => ['POST', '/v1/validate', '', 400, 'empty'];
        yield 'not object' => ['POST', '/v1/validate', '[1]', 400, 'must be a JSON object'];
        yield 'missing schema' => ['POST', '/v1/validate', '{"payload":1}', 422, 'schema: is required'];
        yield 'missing payload' => ['POST', '/v1/validate', '{"schema":{}}', 422, 'payload: is required'];
        yield 'schema type' => [
            'POST',
            '/v1/validate',
            '{"schema":"x","payload":1}',
            422,
            'schema: must be an object or a boolean, got string',
        ];
        yield 'bad schema' => [
            'POST',
            '/v1/validate',
            '{"schema":{"type":"txt"},"payload":1}',
            422,
            '"type" must be one of',
        ];
        yield 'unknown schema' => [
            'GET',
            '/v1/schemas/nope',
            '',
            404,
            'no schema "nope"; known: notification, workflow-input',
        ];
        yield 'named malformed' => ['POST', '/v1/schemas/notification/validate', '{', 400, 'not valid JSON'];
        yield 'wrong method' => ['PUT', '/v1/validate', '', 405, 'not allowed'];
    }

    /** @dataProvider badRequests */
    public function testBadRequestsAreJson4xx(
        string $method,
        string $path,
        string $body,
        int $status,
        string $message,
    ): void {
        [$got, $decoded] = $this->kernel->json($method, $path, $body);
        self::assertSame($status, $got);
        self::assertIsString($decoded['message']);
        self::assertStringContainsString($message, $decoded['message']);
    }
}
