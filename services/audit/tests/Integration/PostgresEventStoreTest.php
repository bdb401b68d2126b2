<?php

declare(strict_types=1);

namespace Platform\Audit\Tests\Integration;

use PDOException;
use Platform\Audit\App;
use Platform\Audit\Log\Chain;
use Platform\Audit\Log\NewEvent;
use Platform\Audit\Log\PostgresEventStore;
use Platform\Shared\Db\Database;
use Platform\Shared\Http\Client\CurlHttpClient;
use Platform\Shared\Testing\IntegrationEnv;
use Platform\Shared\Testing\PhpServer;
use Platform\Shared\Testing\TestKernel;
use PHPUnit\Framework\TestCase;

/**
 * Runs the audit log against the real PostgreSQL of DATABASE_URL.
 */
final class PostgresEventStoreTest extends TestCase
{
    private Database $db;
    private PostgresEventStore $store;
    private string $resource;

    protected function setUp(): void
    {
        $this->db = IntegrationEnv::database(dirname(__DIR__, 2));
        $this->store = new PostgresEventStore($this->db);
        $this->resource = 'doc/' . bin2hex(random_bytes(4));
    }

    public function testAppendsAChainThatSurvivesTheJsonbRoundTrip(): void
    {
        $metadata = ['z' => 1.5, 'a' => ['nested' => 'ü/€', 'list' => [1, 2.0]], 'empty' => []];
        $first = $this->store->append(
            new NewEvent('2026-01-01T10:00:00.123456Z', 'alice', 'create', $this->resource, $metadata),
        );
        $second = $this->store->append(
            new NewEvent('2026-01-01T10:00:01.000001Z', 'bob', 'update', $this->resource, []),
        );
        self::assertSame($first->hash, $second->prevHash);
        $found = $this->store->find($first->id);
        self::assertNotNull($found);
        self::assertSame('2026-01-01T10:00:00.123456Z', $found->occurredAt);
        self::assertSame($first->hash, $found->hash);
        $listed = $this->store->list($this->resource, null, 0, 10);
        self::assertSame([$first->id, $second->id], array_map(static fn ($e): int => $e->id, $listed));
        self::assertSame(
            [$second->id],
            array_map(static fn ($e): int => $e->id, $this->store->list($this->resource, 'bob', 0, 10)),
        );
        self::assertNull($this->store->find(PHP_INT_MAX));
        self::assertNull(Chain::firstBroken($this->store->list(null, null, 0, 500)));
    }

    public function testDatabaseRefusesToRewriteHistory(): void
    {
        $event = $this->store->append(new NewEvent('2026-01-01T10:00:00.000000Z', 'a', 'x', $this->resource, []));
        $statements = [
            "UPDATE audit_events SET actor = 'mallory' WHERE id = {$event->id}",
            "DELETE FROM audit_events WHERE id = {$event->id}",
            'TRUNCATE audit_events',
        ];
        foreach ($statements as $sql) {
            try {
                $this->db->pdo()->exec($sql);
                self::fail($sql . ' was allowed');
            } catch (PDOException $e) {
                self::assertStringContainsString('audit_events is append-only', $e->getMessage());
            }
        }
    }

    public function testEndpointsAgainstRealDatabase(): void
    {
        $kernel = new TestKernel((new App($this->store))->router());
        [$status, $created] = $kernel->json(
            'POST',
            '/v1/events',
            ['actor' => 'a', 'action' => 'x', 'resource' => $this->resource],
        );
        self::assertSame(201, $status);
        [$status, $verified] = $kernel->json('GET', '/v1/events/verify');
        self::assertSame([200, true], [$status, $verified['valid']]);
        self::assertSame($created['hash'], $kernel->json('GET', '/v1/events/' . (string) $created['id'])[1]['hash']);
    }

    public function testServesOverHttp(): void
    {
        $server = PhpServer::start(dirname(__DIR__, 2) . '/public/index.php', ['LOG_LEVEL' => 'error']);
        try {
            $client = new CurlHttpClient();
            self::assertSame(200, $client->send('GET', $server->url('/health/ready'))->status);
            $created = $client->send(
                'POST',
                $server->url('/v1/events'),
                ['actor' => 'a', 'action' => 'x', 'resource' => $this->resource],
            );
            self::assertSame(201, $created->status);
            self::assertSame(400, $client->send('POST', $server->url('/v1/events'))->status);
            self::assertStringContainsString('status="201"', $client->send('GET', $server->url('/metrics'))->body);
        } finally {
            $server->stop();
        }
    }
}
