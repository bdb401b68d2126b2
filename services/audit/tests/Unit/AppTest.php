<?php

declare(strict_types=1);

namespace Platform\Audit\Tests\Unit;

use Platform\Audit\App;
use Platform\Audit\Log\Chain;
use Platform\Audit\Log\Event;
use Platform\Audit\Log\NewEvent;
use Platform\Shared\App\Runtime;
use Platform\Shared\Config\Env;
use Platform\Shared\Testing\TestKernel;
use PHPUnit\Framework\TestCase;

final class AppTest extends TestCase
{
    private MemoryEventStore $store;
    private TestKernel $kernel;

    protected function setUp(): void
    {
        $this->store = new MemoryEventStore();
        $tick = 0;
        $clock = static function () use (&$tick): string {
            $tick++;

            return sprintf('2026-01-01T00:00:%02d.000000Z', $tick);
        };
        $this->kernel = new TestKernel((new App($this->store, $clock))->router(), [], 'audit');
    }

    public function testAppendsChainedEvents(): void
    {
        [$status, $first] = $this->kernel->json('POST', '/v1/events', [
            'actor' => 'alice',
            'action' => 'workflow.start',
            'resource' => 'run/1',
            'metadata' => ['b' => 1, 'a' => ['x' => true]],
        ]);
        self::assertSame(201, $status);
        self::assertSame(Chain::GENESIS, $first['prev_hash']);
        self::assertSame('2026-01-01T00:00:01.000000Z', $first['occurred_at']);
        [, $second] = $this->kernel->json(
            'POST',
            '/v1/events',
            ['actor' => 'bob', 'action' => 'x', 'resource' => 'run/2'],
        );
        self::assertSame($first['hash'], $second['prev_hash']);
        self::assertSame([], (array) $second['metadata']);
        self::assertSame('/v1/events/3', $this->kernel->call('POST', '/v1/events', [
            'actor' => 'bob',
            'action' => 'y',
            'resource' => 'run/1',
        ])->headers['Location']);
    }

    public function testListsFiltersAndPages(): void
    {
        foreach (['run/1', 'run/2', 'run/1'] as $resource) {
            $this->kernel->call('POST', '/v1/events', ['actor' => 'a', 'action' => 'x', 'resource' => $resource]);
        }
        [$status, $body] = $this->kernel->json('GET', '/v1/events', null, ['resource' => 'run/1', 'limit' => '1']);
        self::assertSame(200, $status);
        self::assertIsArray($body['events']);
        self::assertCount(1, $body['events']);
        self::assertSame(1, $body['next_after']);
        [, $body] = $this->kernel->json('GET', '/v1/events', null, ['resource' => 'run/1', 'after' => '1']);
        self::assertSame(3, $body['next_after']);
        [, $body] = $this->kernel->json('GET', '/v1/events', null, ['actor' => 'nobody']);
        self::assertSame(['events' => [], 'next_after' => null], $body);
    }

    public function testShowsOneEvent(): void
    {
        $this->kernel->call('POST', '/v1/events', ['actor' => 'a', 'action' => 'x', 'resource' => 'r']);
        [$status, $body] = $this->kernel->json('GET', '/v1/events/1');
        self::assertSame([200, 'a'], [$status, $body['actor']]);
        [$status, $body] = $this->kernel->json('GET', '/v1/events/2');
        self::assertSame([404, 'no audit event 2'], [$status, $body['message']]);
        self::assertSame(404, $this->kernel->call('GET', '/v1/events/abc')->status);
    }

    public function testVerifyDetectsTampering(): void
    {
        for ($i = 0; $i < 3; $i++) {
            $this->kernel->call('POST', '/v1/events', ['actor' => 'a', 'action' => 'x', 'resource' => 'r' . $i]);
        }
        [$status, $body] = $this->kernel->json('GET', '/v1/events/verify');
        self::assertSame([200, ['valid' => true, 'checked' => 3, 'first_broken_id' => null]], [$status, $body]);
        $e = $this->store->events[1];
        $this->store->events[1] = new Event(
            $e->id,
            $e->occurredAt,
            'mallory',
            $e->action,
            $e->resource,
            [],
            $e->prevHash,
            $e->hash,
        );
        [, $body] = $this->kernel->json('GET', '/v1/events/verify');
        self::assertSame(['valid' => false, 'checked' => 2, 'first_broken_id' => 2], $body);
    }

    public function testHistoryCannotBeChanged(): void
    {
        self::assertSame(405, $this->kernel->call('DELETE', '/v1/events/1')->status);
        self::assertSame(405, $this->kernel->call('PUT', '/v1/events/1', '{}')->status);
    }

    /** @return iterable<string, array{string, array<string, string>, string|null, int, string}> */
    public static function badRequests(): iterable
    {
        yield 'malformed' => ['POST', [], '{"actor":', 400, 'not valid JSON'];
        yield 'not object' => ['POST', [], '"x"', 400, 'must be a JSON object'];
        yield 'missing actor' => ['POST', [], '{"action":"x","resource":"r"}', 422, 'actor: is required'];
        yield 'wrong type' => [
            'POST',
            [],
            '{"actor":1,"action":"x","resource":"r"}',
            422,
            'actor: must be a string, got number',
        ];
        yield 'metadata list' => [
            'POST',
            [],
            '{"actor":"a","action":"x","resource":"r","metadata":[1]}',
            422,
            'metadata: must be an object',
        ];
        yield 'limit' => ['GET', ['limit' => '0'], null, 422, 'limit: must be an integer between 1 and 500'];
        yield 'after' => ['GET', ['after' => 'x'], null, 422, 'after: must be an integer'];
    }

    /**
     * @dataProvider badRequests
     * @param array<string, string> $query
     */
    public function testBadRequestsAreJson4xx(
        string $method,
        array $query,
        ?string $body,
        int $status,
        string $message,
    ): void {
        [$got, $decoded] = $this->kernel->json($method, '/v1/events', $body, $query);
        self::assertSame($status, $got);
        self::assertIsString($decoded['message']);
        self::assertStringContainsString($message, $decoded['message']);
    }

    public function testChainCanonicalFormIsOrderIndependent(): void
    {
        $a = new NewEvent('t', 'a', 'x', 'r', ['k' => ['z' => 1, 'y' => [1, 2]], 'e' => []]);
        $b = new NewEvent('t', 'a', 'x', 'r', ['e' => [], 'k' => ['y' => [1, 2], 'z' => 1]]);
        self::assertSame(Chain::hash(Chain::GENESIS, $a), Chain::hash(Chain::GENESIS, $b));
        self::assertSame('{"e":{},"k":{"y":[1,2],"z":1}}', Chain::canonical($a->metadata));
        self::assertNull(Chain::firstBroken([]));
    }

    public function testWiresFromRuntimeWithoutConnecting(): void
    {
        $env = new Env(['DATABASE_URL' => 'postgres://u:p@127.0.0.1:1/db']);
        $runtime = Runtime::boot(dirname(__DIR__, 2), $env, TestKernel::silentLogger());
        $kernel = new TestKernel(App::fromRuntime($runtime));
        self::assertSame(422, $kernel->call('POST', '/v1/events', '{}')->status);
        self::assertTrue($runtime->manifest->postgres);
    }
}
