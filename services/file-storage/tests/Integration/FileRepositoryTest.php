<?php

declare(strict_types=1);

namespace Platform\FileStorage\Tests\Integration;

use Platform\FileStorage\App;
use Platform\FileStorage\Files\FileRepository;
use Platform\Shared\Http\Client\CurlHttpClient;
use Platform\Shared\Testing\IntegrationEnv;
use Platform\Shared\Testing\PhpServer;
use Platform\Shared\Testing\TestKernel;
use PHPUnit\Framework\TestCase;

/**
 * Stores files in the real PostgreSQL of DATABASE_URL.
 */
final class FileRepositoryTest extends TestCase
{
    public function testBinaryContentRoundTripsWithChecksum(): void
    {
        $db = IntegrationEnv::database(dirname(__DIR__, 2));
        $kernel = new TestKernel((new App(new FileRepository($db), 1_000_000))->router());
        $content = random_bytes(5000) . "\x00\xff";
        [$status, $file] = $kernel->json('POST', '/v1/files', [
            'name' => 'blob.bin',
            'content_base64' => base64_encode($content),
            'sha256' => hash('sha256', $content),
        ]);
        self::assertSame(201, $status);
        $download = $kernel->call('GET', '/v1/files/' . (string) $file['id'] . '/content');
        self::assertSame($content, $download->body);
        self::assertSame($file, $kernel->json('GET', '/v1/files/' . (string) $file['id'])[1]);
        self::assertContains($file, (array) $kernel->json('GET', '/v1/files', null, ['limit' => '500'])[1]['files']);

        $db->execute(
            "UPDATE files SET content = decode('00', 'hex'), size_bytes = 1 WHERE id = CAST(:id AS uuid)",
            ['id' => (string) $file['id']],
        );
        self::assertSame(500, $kernel->call('GET', '/v1/files/' . (string) $file['id'] . '/content')->status);
        self::assertSame(204, $kernel->call('DELETE', '/v1/files/' . (string) $file['id'])->status);
        self::assertSame(404, $kernel->call('GET', '/v1/files/' . (string) $file['id'])->status);
    }

    public function testDatabaseEnforcesSizeConsistency(): void
    {
        $db = IntegrationEnv::database(dirname(__DIR__, 2));
        $this->expectException(\PDOException::class);
        $this->expectExceptionMessage('files_size_matches');
        $db->execute('INSERT INTO files (name, content_type, size_bytes, sha256, content)'
            . " VALUES ('a', 'text/plain', 5, repeat('0', 64), 'ab')");
    }

    public function testServesOverHttp(): void
    {
        IntegrationEnv::database(dirname(__DIR__, 2));
        $server = PhpServer::start(
            dirname(__DIR__, 2) . '/public/index.php',
            ['LOG_LEVEL' => 'error', 'MAX_FILE_BYTES' => '10'],
        );
        try {
            $client = new CurlHttpClient();
            self::assertSame(200, $client->send('GET', $server->url('/health/ready'))->status);
            $big = $client->send(
                'POST',
                $server->url('/v1/files'),
                ['name' => 'a', 'content_base64' => base64_encode(str_repeat('x', 11))],
            );
            self::assertSame(413, $big->status);
            $ok = $client->send(
                'POST',
                $server->url('/v1/files'),
                ['name' => 'a', 'content_base64' => base64_encode('small')],
            );
            self::assertSame(201, $ok->status);
        } finally {
            $server->stop();
        }
    }
}
