<?php

declare(strict_types=1);

namespace Platform\Notification\Tests\Unit;

use Platform\Notification\App;
use Platform\Notification\Delivery\Channel;
use Platform\Notification\Delivery\DeliveryFailed;
use Platform\Notification\Delivery\Dispatcher;
use Platform\Notification\Delivery\LogChannel;
use Platform\Notification\Delivery\Notification;
use Platform\Shared\Testing\TestKernel;
use PHPUnit\Framework\TestCase;

final class AppTest extends TestCase
{
    private MemoryQueue $queue;
    private TestKernel $kernel;
    private int $now = 1000;
    /** @var list<string> */
    private array $failures = [];

    protected function setUp(): void
    {
        $this->queue = new MemoryQueue();
        $flaky = new class ($this->failures) implements Channel {
            /** @param list<string> $failures */
            public function __construct(private array &$failures)
            {
            }

            public function deliver(Notification $notification): void
            {
                $error = array_shift($this->failures);
                if ($error !== null) {
                    throw new DeliveryFailed($error);
                }
            }
        };
        $channels = ['log' => new LogChannel(TestKernel::silentLogger()), 'webhook' => $flaky];
        $dispatcher = new Dispatcher($this->queue, $channels, 10, fn (): int => $this->now);
        $this->kernel = new TestKernel((new App($dispatcher, $this->queue))->router());
    }

    private function submit(string $channel, string $recipient, int $maxAttempts = 3): string
    {
        [$status, $body] = $this->kernel->json('POST', '/v1/notifications', [
            'channel' => $channel,
            'recipient' => $recipient,
            'message' => 'hello',
            'max_attempts' => $maxAttempts,
        ]);
        self::assertSame(202, $status);
        self::assertSame('queued', $body['status']);

        return (string) $body['id'];
    }

    /** @return array<string, mixed> */
    private function status(string $id): array
    {
        return $this->kernel->json('GET', '/v1/notifications/' . $id)[1];
    }

    /** @return array<string, mixed> */
    private function work(): array
    {
        return $this->kernel->json('POST', '/v1/deliveries/run')[1];
    }

    public function testDeliversQueuedNotifications(): void
    {
        $id = $this->submit('log', 'ops');
        self::assertSame(
            ['released' => 0, 'processed' => 1, 'delivered' => 1, 'retrying' => 0, 'dead' => 0],
            $this->work(),
        );
        self::assertSame(['delivered', 1], [$this->status($id)['status'], $this->status($id)['attempts']]);
    }

    public function testRetriesWithBackoffThenSucceeds(): void
    {
        $this->failures = ['503', 'timeout'];
        $id = $this->submit('webhook', 'https://hooks.example/x');
        self::assertSame(1, $this->work()['retrying']);
        self::assertSame(['retrying', '503'], [$this->status($id)['status'], $this->status($id)['last_error']]);
        self::assertSame(1010, $this->queue->retries[$id]);
        self::assertSame(0, $this->work()['processed']);
        $this->now = 1010;
        self::assertSame(
            ['released' => 1, 'processed' => 1, 'delivered' => 0, 'retrying' => 1, 'dead' => 0],
            $this->work(),
        );
        self::assertSame(1030, $this->queue->retries[$id]);
        $this->now = 2000;
        self::assertSame(1, $this->work()['delivered']);
        self::assertSame(
            ['delivered', 3, null],
            [$this->status($id)['status'], $this->status($id)['attempts'], $this->status($id)['last_error']],
        );
    }

    public function testBuriesAfterTheLastAttempt(): void
    {
        $this->failures = ['down', 'down'];
        $id = $this->submit('webhook', 'http://hooks.example/y', 2);
        $this->work();
        $this->now = 5000;
        self::assertSame(1, $this->work()['dead']);
        self::assertSame('dead', $this->status($id)['status']);
        self::assertSame(['ids' => [$id]], $this->kernel->json('GET', '/v1/dead-letters')[1]);
    }

    public function testUnknownChannelAndMissingRecordAreHandled(): void
    {
        $this->queue->save(new Notification('abc', 'pigeon', 'x', 'm', 1));
        $this->queue->enqueue('abc');
        $this->queue->enqueue('vanished');
        self::assertSame(1, $this->work()['dead']);
        self::assertSame('unknown channel "pigeon"', $this->status('abc')['last_error']);
    }

    public function testNotFound(): void
    {
        self::assertSame(404, $this->kernel->call('GET', '/v1/notifications/0123abcd')->status);
        self::assertSame(404, $this->kernel->call('GET', '/v1/notifications/not-hex')->status);
    }

    /** @return iterable<string, array{string, string, int, string}> */
    public static function badRequests(): iterable
    {
        yield 'malformed' => ['/v1/notifications', '{"channel":', 400, 'not valid JSON'];
        yield 'missing channel' => [
            '/v1/notifications',
            '{"recipient":"a","message":"m"}',
            422,
            'channel: is required',
        ];
        yield 'unknown channel' => [
            '/v1/notifications',
            '{"channel":"sms","recipient":"a","message":"m"}',
            422,
            'channel: must be one of log, webhook',
        ];
        yield 'recipient type' => [
            '/v1/notifications',
            '{"channel":"log","recipient":7,"message":"m"}',
            422,
            'recipient: must be a string',
        ];
        yield 'webhook url' => [
            '/v1/notifications',
            '{"channel":"webhook","recipient":"ftp://x","message":"m"}',
            422,
            'recipient: must be an http(s) URL',
        ];
        yield 'missing message' => [
            '/v1/notifications',
            '{"channel":"log","recipient":"a"}',
            422,
            'message: is required',
        ];
        yield 'attempts' => [
            '/v1/notifications',
            '{"channel":"log","recipient":"a","message":"m","max_attempts":0}',
            422,
            'max_attempts: must be between 1 and 20',
        ];
        yield 'attempts type' => [
            '/v1/notifications',
            '{"channel":"log","recipient":"a","message":"m","max_attempts":"3"}',
            422,
            'max_attempts: must be an integer',
        ];
        yield 'run max' => ['/v1/deliveries/run?max=0', '', 422, 'max: must be an integer between 1 and 1000'];
    }

    /** @dataProvider badRequests */
    public function testBadRequestsAreJson4xx(string $path, string $body, int $status, string $message): void
    {
        $query = [];
        if (str_contains($path, '?')) {
            [$path, $raw] = explode('?', $path, 2);
            parse_str($raw, $parsed);
            $query = array_map('strval', $parsed);
        }
        /** @var array<string, string> $query */
        [$got, $decoded] = $this->kernel->json('POST', $path, $body, $query);
        self::assertSame($status, $got);
        self::assertIsString($decoded['message']);
        self::assertStringContainsString($message, $decoded['message']);
        self::assertSame([], $this->queue->ready);
    }

    public function testWiresFromRuntimeWithoutConnecting(): void
    {
        $runtime = TestKernel::runtime(dirname(__DIR__, 2), ['REDIS_URL' => 'redis://127.0.0.1:1']);
        $kernel = new TestKernel(App::fromRuntime($runtime));
        self::assertSame(422, $kernel->call('POST', '/v1/notifications', '{}')->status);
        self::assertSame(['log', 'webhook'], App::dispatcher($runtime)->channels());
    }
}
