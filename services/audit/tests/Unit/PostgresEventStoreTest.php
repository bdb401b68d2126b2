<?php

declare(strict_types=1);

namespace Platform\Audit\Tests\Unit;

use Platform\Audit\Log\Chain;
use Platform\Audit\Log\NewEvent;
use Platform\Audit\Log\PostgresEventStore;
use Platform\Shared\Testing\FakeSql;
use PHPUnit\Framework\TestCase;

final class PostgresEventStoreTest extends TestCase
{
    /** @return array<string, scalar|null> */
    private static function row(int $id, string $hash): array
    {
        return [
            'id' => $id,
            'occurred_at' => '2026-01-01T00:00:00.000000Z',
            'actor' => 'a',
            'action' => 'x',
            'resource' => 'r',
            'metadata' => '{"k": 1}',
            'prev_hash' => Chain::GENESIS,
            'hash' => $hash,
        ];
    }

    public function testAppendLocksChainsAndMaps(): void
    {
        $sql = new FakeSql(static fn (string $q, array $p): array => str_starts_with($q, 'INSERT')
            ? [self::row(7, (string) $p['hash'])]
            : []);
        $event = (new PostgresEventStore($sql))->append(
            new NewEvent('2026-01-01T00:00:00.000000Z', 'a', 'x', 'r', ['k' => 1]),
        );
        self::assertSame(1, $sql->transactions);
        self::assertSame(1, $sql->matching('pg_advisory_xact_lock'));
        $insert = $sql->statements[2]['params'];
        self::assertSame(Chain::GENESIS, $insert['prev']);
        self::assertSame('{"k":1}', $insert['metadata']);
        self::assertSame(7, $event->id);
        self::assertSame(['k' => 1], $event->metadata);
        self::assertSame($insert['hash'], $event->hash);
    }

    public function testAppendContinuesFromTheLastHash(): void
    {
        $sql = new FakeSql(static fn (string $q, array $p): array => match (true) {
            str_starts_with($q, 'SELECT hash') => [['hash' => 'abc']],
            str_starts_with($q, 'INSERT') => [self::row(2, 'h2')],
            default => [],
        });
        (new PostgresEventStore($sql))->append(new NewEvent('t', 'a', 'x', 'r', []));
        self::assertSame('abc', $sql->statements[2]['params']['prev']);
    }

    public function testFindAndList(): void
    {
        $store = new PostgresEventStore(FakeSql::returning(self::row(1, 'h1'), self::row(2, 'h2')));
        self::assertSame('h1', $store->find(1)?->hash);
        self::assertCount(2, $store->list('r', null, 0, 10));
        self::assertNull((new PostgresEventStore(FakeSql::returning()))->find(1));
        $sql = FakeSql::returning();
        (new PostgresEventStore($sql))->list(null, 'bob', 5, 10);
        self::assertSame(
            [
                'after' => 5,
                'resource1' => null,
                'resource2' => null,
                'actor1' => 'bob',
                'actor2' => 'bob',
                'limit' => 10,
            ],
            $sql->statements[0]['params'],
        );
    }

    public function testBadMetadataMapsToEmpty(): void
    {
        $row = self::row(1, 'h');
        $row['metadata'] = 'null';
        self::assertSame([], (new PostgresEventStore(FakeSql::returning($row)))->find(1)?->metadata);
    }
}
