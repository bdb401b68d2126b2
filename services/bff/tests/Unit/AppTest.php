<?php

declare(strict_types=1);

namespace Platform\Bff\Tests\Unit;

use Platform\Bff\App;
use Platform\Bff\Upstream\Gateway;
use Platform\Bff\Upstream\Upstreams;
use Platform\Shared\Config\Env;
use Platform\Shared\Http\Client\ClientError;
use Platform\Shared\Http\Client\ClientResponse;
use Platform\Shared\Testing\FakeHttpClient;
use Platform\Shared\Testing\TestKernel;
use PHPUnit\Framework\TestCase;

final class AppTest extends TestCase
{
    private FakeHttpClient $client;
    private MemoryStatusCache $cache;
    private TestKernel $kernel;
    /** @var array<string, ClientResponse|ClientError> "METHOD url" => answer */
    private array $answers = [];

    protected function setUp(): void
    {
        $this->client = new FakeHttpClient(fn (string $method, string $url): ClientResponse|ClientError =>
            $this->answers[$method . ' ' . $url] ?? new ClientResponse(200, '{"status":"ready"}'));
        $this->cache = new MemoryStatusCache();
        $upstreams = Upstreams::fromEnv(new Env(['AUDIT_URL' => 'http://audit.internal/']));
        $this->kernel = new TestKernel((new App(new Gateway($this->client, $upstreams), $this->cache))->router());
    }

    private function answer(string $call, int $status, string $body): void
    {
        $this->answers[$call] = new ClientResponse($status, $body);
    }

    public function testStatusAggregatesAndCaches(): void
    {
        $this->answer('GET http://llm-agent:8080/health/ready', 503, '{}');
        $this->answers['GET http://file-storage:8080/health/ready'] = new ClientError('refused');
        [$status, $body] = $this->kernel->json('GET', '/v1/status');
        self::assertSame(200, $status);
        self::assertSame('degraded', $body['status']);
        self::assertFalse($body['cached']);
        self::assertIsArray($body['services']);
        self::assertSame(['ready' => false, 'status' => 503], $body['services']['llm-agent']);
        self::assertSame(['ready' => false, 'status' => null], $body['services']['file-storage']);
        self::assertSame(['ready' => true, 'status' => 200], $body['services']['audit']);
        self::assertSame('http://audit.internal/health/ready', $this->client->calls[2]['url']);
        self::assertTrue($this->kernel->json('GET', '/v1/status')[1]['cached']);
        self::assertCount(6, $this->client->calls);
    }

    public function testProcessValidatesStartsRecordsAndNotifies(): void
    {
        $this->answer(
            'POST http://validation:8080/v1/schemas/workflow-input/validate',
            200,
            '{"valid":true,"errors":[]}',
        );
        $this->answer('POST http://workflow-orchestrator:8080/v1/runs', 201, '{"id":"r1","state":"pending"}');
        $this->answer('POST http://audit.internal/v1/events', 201, '{"id":9}');
        $this->answer('POST http://notification:8080/v1/notifications', 202, '{"id":"n"}');
        $response = $this->kernel->call('POST', '/v1/documents/process', [
            'document_id' => 'd1',
            'steps' => ['extract'],
            'language' => 'en',
            'notify' => ['channel' => 'log', 'recipient' => 'ops'],
        ]);
        self::assertSame(201, $response->status);
        self::assertSame(
            ['run' => ['id' => 'r1', 'state' => 'pending'], 'audit_event_id' => 9],
            TestKernel::decode($response),
        );
        $calls = $this->client->calls;
        self::assertSame(['document_id' => 'd1', 'steps' => ['extract'], 'language' => 'en'], $calls[0]['json']);
        self::assertSame('document.process', $calls[1]['json']['workflow'] ?? null);
        self::assertSame(
            ['anonymous', 'run/r1'],
            [$calls[2]['json']['actor'] ?? null, $calls[2]['json']['resource'] ?? null],
        );
        self::assertSame('workflow run r1 started for document d1', $calls[3]['json']['message'] ?? null);
    }

    public function testInvalidDocumentIs422WithTheValidatorsErrors(): void
    {
        $this->answer(
            'POST http://validation:8080/v1/schemas/workflow-input/validate',
            200,
            '{"valid":false,"errors":[{"path":"$.steps[0]","message":"must be one of"}]}',
        );
        [$status, $body] = $this->kernel->json(
            'POST',
            '/v1/documents/process',
            ['document_id' => 'd', 'steps' => ['x']],
        );
        self::assertSame([422, 'invalid_document'], [$status, $body['error']]);
        self::assertSame([['path' => '$.steps[0]', 'message' => 'must be one of']], $body['errors']);
        self::assertCount(1, $this->client->calls);
    }

    /** @return iterable<string, array{ClientResponse|ClientError, int, string}> */
    public static function upstreamFailures(): iterable
    {
        yield 'unreachable' => [
            new ClientError('connection refused'),
            502,
            'validation is unreachable: connection refused',
        ];
        yield 'server error' => [new ClientResponse(500, '{}'), 502, 'validation answered 500'];
        yield 'not json' => [new ClientResponse(200, '<html>'), 502, 'validation answered 200'];
        yield 'rejected' => [new ClientResponse(404, '{"message":"no schema"}'), 404, 'validation: no schema'];
        yield 'rejected without message' => [new ClientResponse(409, '[]'), 409, 'validation: request rejected'];
    }

    /** @dataProvider upstreamFailures */
    public function testUpstreamFailuresAreJsonErrors(
        ClientResponse|ClientError $answer,
        int $status,
        string $message,
    ): void {
        $this->answers['POST http://validation:8080/v1/schemas/workflow-input/validate'] = $answer;
        [$got, $body] = $this->kernel->json(
            'POST',
            '/v1/documents/process',
            ['document_id' => 'd', 'steps' => ['extract']],
        );
        self::assertSame([$status, $message], [$got, $body['message']]);
    }

    public function testMissingRunIdIs502(): void
    {
        $this->answer('POST http://validation:8080/v1/schemas/workflow-input/validate', 200, '{"valid":true}');
        $this->answer('POST http://workflow-orchestrator:8080/v1/runs', 201, '{}');
        [$status, $body] = $this->kernel->json(
            'POST',
            '/v1/documents/process',
            ['document_id' => 'd', 'steps' => ['extract']],
        );
        self::assertSame([502, 'workflow-orchestrator returned no run id'], [$status, $body['message']]);
    }

    public function testRunCombinesStateAndAuditTrail(): void
    {
        $this->answer('GET http://workflow-orchestrator:8080/v1/runs/r%201', 200, '{"id":"r 1","state":"running"}');
        $this->answer('GET http://audit.internal/v1/events?resource=run%2Fr%201', 200, '{"events":[{"id":1}]}');
        [$status, $body] = $this->kernel->json('GET', '/v1/runs/r%201');
        self::assertSame(
            [200, ['run' => ['id' => 'r 1', 'state' => 'running'], 'audit' => [['id' => 1]]]],
            [$status, $body],
        );
    }

    public function testAskForwardsToTheAgent(): void
    {
        $this->answer('POST http://llm-agent:8080/v1/completions', 200, '{"text":"42"}');
        self::assertSame([200, ['text' => '42']], $this->kernel->json('POST', '/v1/ask', ['question' => 'why?']));
        self::assertSame(['prompt' => 'why?'], $this->client->calls[0]['json']);
    }

    /** @return iterable<string, array{string, string, int, string}> */
    public static function badRequests(): iterable
    {
        yield 'malformed' => ['/v1/documents/process', '{"document_id"', 400, 'not valid JSON'];
        yield 'missing id' => ['/v1/documents/process', '{"steps":["extract"]}', 422, 'document_id: is required'];
        yield 'steps type' => [
            '/v1/documents/process',
            '{"document_id":"d","steps":"extract"}',
            422,
            'steps: must be an array, got string',
        ];
        yield 'language type' => [
            '/v1/documents/process',
            '{"document_id":"d","steps":[],"language":5}',
            422,
            'language: must be a string',
        ];
        yield 'ask malformed' => ['/v1/ask', '{', 400, 'not valid JSON'];
        yield 'ask missing' => ['/v1/ask', '{}', 422, 'question: is required'];
    }

    /** @dataProvider badRequests */
    public function testBadRequestsAreJson4xxWithoutCallingUpstreams(
        string $path,
        string $body,
        int $status,
        string $message,
    ): void {
        [$got, $decoded] = $this->kernel->json('POST', $path, $body);
        self::assertSame($status, $got);
        self::assertIsString($decoded['message']);
        self::assertStringContainsString($message, $decoded['message']);
        self::assertSame([], $this->client->calls);
    }

    public function testBadNotifyIsRejected(): void
    {
        $this->answer('POST http://validation:8080/v1/schemas/workflow-input/validate', 200, '{"valid":true}');
        $this->answer('POST http://workflow-orchestrator:8080/v1/runs', 201, '{"id":"r"}');
        $this->answer('POST http://audit.internal/v1/events', 201, '{"id":1}');
        [$status, $body] = $this->kernel->json(
            'POST',
            '/v1/documents/process',
            ['document_id' => 'd', 'steps' => ['extract'], 'notify' => ['channel' => 'log']],
        );
        self::assertSame([422, 'notify.recipient: is required'], [$status, $body['message']]);
    }

    public function testWiresFromRuntimeWithoutConnecting(): void
    {
        $runtime = TestKernel::runtime(dirname(__DIR__, 2), ['REDIS_URL' => 'redis://127.0.0.1:1']);
        $kernel = new TestKernel(App::fromRuntime($runtime));
        self::assertSame(422, $kernel->call('POST', '/v1/ask', '{}')->status);
        self::assertSame('http://x:8080/y', (new Upstreams([]))->url('x', '/y'));
    }
}
