<?php

declare(strict_types=1);

namespace Platform\FileStorage\Tests\Unit;

use Platform\FileStorage\App;
use Platform\FileStorage\Files\FileRepository;
use Platform\Shared\App\Runtime;
use Platform\Shared\Config\ConfigError;
use Platform\Shared\Config\Env;
use Platform\Shared\Testing\TestKernel;
use PHPUnit\Framework\TestCase;

final class AppTest extends TestCase
{
    private FilesTable $table;
    private TestKernel $kernel;

    protected function setUp(): void
    {
        $this->table = new FilesTable();
        $this->kernel = new TestKernel((new App(new FileRepository($this->table->sql()), 100))->router());
    }

    /** @return array<string, mixed> */
    private function upload(string $content, array $extra = []): array
    {
        [$status, $body] = $this->kernel->json(
            'POST',
            '/v1/files',
            ['name' => 'a.txt', 'content_base64' => base64_encode($content)] + $extra,
        );
        self::assertSame(201, $status, (string) json_encode($body));

        return $body;
    }

    public function testUploadDownloadDelete(): void
    {
        $content = str_repeat("bytes\x00\xff", 10);
        $file = $this->upload(
            $content,
            ['content_type' => 'text/plain', 'sha256' => strtoupper(hash('sha256', $content))],
        );
        self::assertSame(
            ['a.txt', 'text/plain', 70, hash('sha256', $content)],
            [$file['name'], $file['content_type'], $file['size'], $file['sha256']],
        );
        $id = (string) $file['id'];
        self::assertSame($file, $this->kernel->json('GET', '/v1/files/' . $id)[1]);
        $download = $this->kernel->call('GET', '/v1/files/' . $id . '/content');
        self::assertSame(200, $download->status);
        self::assertSame($content, $download->body);
        self::assertSame(hash('sha256', $content), $download->headers['X-Checksum-Sha256']);
        self::assertSame('attachment; filename="a.txt"', $download->headers['Content-Disposition']);
        [$status, $list] = $this->kernel->json('GET', '/v1/files', null, ['limit' => '10']);
        self::assertSame(200, $status);
        self::assertSame([$file], $list['files']);
        self::assertSame(204, $this->kernel->call('DELETE', '/v1/files/' . $id)->status);
        self::assertSame(404, $this->kernel->call('DELETE', '/v1/files/' . $id)->status);
        self::assertSame(404, $this->kernel->call('GET', '/v1/files/' . $id)->status);
        self::assertSame(404, $this->kernel->call('GET', '/v1/files/not-a-uuid')->status);
    }

    public function testDefaultsContentType(): void
    {
        self::assertSame('application/octet-stream', $this->upload('x')['content_type']);
    }

    public function testCorruptContentIsNotServed(): void
    {
        $id = (string) $this->upload('original')['id'];
        $this->table->rows[$id]['content'] = base64_encode('tampered');
        $response = $this->kernel->call('GET', '/v1/files/' . $id . '/content');
        self::assertSame(500, $response->status);
        self::assertStringNotContainsString('tampered', $response->body);
    }

    /** @return iterable<string, array{string, int, string}> */
    public static function badUploads(): iterable
    {
        $ok = base64_encode('hello');
        yield 'malformed' => ['{"name":', 400, 'not valid JSON'];
        yield 'missing name' => ['{"content_base64":"' . $ok . '"}', 422, 'name: is required'];
        yield 'name type' => ['{"name":5,"content_base64":"' . $ok . '"}', 422, 'name: must be a string, got number'];
        yield 'name slash' => [
            '{"name":"../x","content_base64":"' . $ok . '"}',
            422,
            'name: must be a plain file name',
        ];
        yield 'missing content' => ['{"name":"a"}', 422, 'content_base64: is required'];
        yield 'bad base64' => ['{"name":"a","content_base64":"!!!"}', 422, 'content_base64: is not valid base64'];
        yield 'bad type' => [
            '{"name":"a","content_base64":"' . $ok . '","content_type":"text"}',
            422,
            'content_type: must be a media type',
        ];
        yield 'checksum' => [
            '{"name":"a","content_base64":"' . $ok . '","sha256":"00"}',
            422,
            'sha256: does not match the content',
        ];
        yield 'too large' => [
            '{"name":"a","content_base64":"' . base64_encode(str_repeat('x', 101)) . '"}',
            413,
            'the limit is 100 bytes',
        ];
        yield 'far too large' => [
            '{"name":"a","content_base64":"' . str_repeat('A', 400) . '"}',
            413,
            'the limit is 100 bytes',
        ];
    }

    /** @dataProvider badUploads */
    public function testBadUploadsAreJson4xx(string $body, int $status, string $message): void
    {
        [$got, $decoded] = $this->kernel->json('POST', '/v1/files', $body);
        self::assertSame($status, $got);
        self::assertIsString($decoded['message']);
        self::assertStringContainsString($message, $decoded['message']);
        self::assertSame([], $this->table->rows);
    }

    public function testBadListLimit(): void
    {
        self::assertSame(422, $this->kernel->call('GET', '/v1/files', null, ['limit' => 'all'])->status);
    }

    public function testWiresFromRuntime(): void
    {
        $env = new Env(['DATABASE_URL' => 'postgres://u:p@127.0.0.1:1/db', 'MAX_FILE_BYTES' => '3']);
        $runtime = Runtime::boot(dirname(__DIR__, 2), $env, TestKernel::silentLogger());
        $kernel = new TestKernel(App::fromRuntime($runtime));
        [$status] = $kernel->json('POST', '/v1/files', ['name' => 'a', 'content_base64' => base64_encode('four')]);
        self::assertSame(413, $status);
        $this->expectException(ConfigError::class);
        $this->expectExceptionMessage('MAX_FILE_BYTES must be an integer');
        App::fromRuntime(
            Runtime::boot(dirname(__DIR__, 2), $env->with('MAX_FILE_BYTES', '0'), TestKernel::silentLogger()),
        );
    }
}
