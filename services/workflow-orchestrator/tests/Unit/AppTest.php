<?php

declare(strict_types=1);

namespace Platform\WorkflowOrchestrator\Tests\Unit;

use Platform\Shared\App\Runtime;
use Platform\Shared\Config\Env;
use Platform\Shared\Testing\TestKernel;
use Platform\WorkflowOrchestrator\App;
use Platform\WorkflowOrchestrator\Runs\RunRepository;
use Platform\WorkflowOrchestrator\Runs\StateMachine;
use PHPUnit\Framework\TestCase;

final class AppTest extends TestCase
{
    private RunsTable $table;
    private MemoryRunEvents $events;
    private TestKernel $kernel;

    protected function setUp(): void
    {
        $this->table = new RunsTable();
        $this->events = new MemoryRunEvents();
        $app = new App(
            new RunRepository($this->table->sql()),
            new StateMachine(2),
            $this->events,
            TestKernel::silentLogger(),
        );
        $this->kernel = new TestKernel($app->router());
    }

    private function create(): string
    {
        [$status, $run] = $this->kernel->json(
            'POST',
            '/v1/runs',
            ['workflow' => 'doc.process', 'input' => ['doc' => 'd1']],
        );
        self::assertSame(201, $status);
        self::assertSame(['pending', ['doc' => 'd1'], 1], [$run['state'], $run['input'], $run['attempt']]);

        return (string) $run['id'];
    }

    /** @param array<string, mixed> $body */
    private function send(string $id, array $body): array
    {
        return $this->kernel->json('POST', '/v1/runs/' . $id . '/events', $body);
    }

    public function testRunsThroughTheStateMachine(): void
    {
        $id = $this->create();
        self::assertSame('running', $this->send($id, ['event' => 'start'])[1]['state']);
        [$status, $failed] = $this->send($id, ['event' => 'fail', 'error' => 'OCR timeout']);
        self::assertSame([200, 'failed', 'OCR timeout'], [$status, $failed['state'], $failed['error']]);
        [, $retried] = $this->send($id, ['event' => 'retry']);
        self::assertSame(['pending', 2, null], [$retried['state'], $retried['attempt'], $retried['error']]);
        $this->send($id, ['event' => 'start']);
        $this->send($id, ['event' => 'fail', 'error' => 'again']);
        [$status, $body] = $this->send($id, ['event' => 'retry']);
        self::assertSame([409, 'run ' . $id . ' has used all 2 attempts'], [$status, $body['message']]);
        [$status, $history] = $this->kernel->json('GET', '/v1/runs/' . $id . '/transitions');
        self::assertSame(200, $status);
        self::assertIsArray($history['transitions']);
        self::assertSame(['start', 'fail', 'retry', 'start', 'fail'], array_column($history['transitions'], 'event'));
        [, $events] = $this->kernel->json('GET', '/v1/events', null, ['count' => '1']);
        self::assertSame(
            [['run_id' => $id, 'event' => 'fail', 'from' => 'running', 'to' => 'failed']],
            $events['events'],
        );
    }

    public function testRejectsTransitionsTheStateDoesNotAllow(): void
    {
        $id = $this->create();
        [$status, $body] = $this->send($id, ['event' => 'complete']);
        self::assertSame(409, $status);
        self::assertSame(
            'run ' . $id . ' is pending: "complete" is not allowed; allowed now: start, cancel',
            $body['message'],
        );
        $this->send($id, ['event' => 'cancel']);
        [, $body] = $this->send($id, ['event' => 'start']);
        self::assertStringContainsString('allowed now: none (final state)', (string) $body['message']);
    }

    public function testConcurrentChangeIsAConflict(): void
    {
        $id = $this->create();
        $this->table->runs[$id]['version'] = 5;
        $repository = new RunRepository($this->table->sql());
        $stale = $repository->find($id);
        self::assertNotNull($stale);
        $this->table->runs[$id]['version'] = 6;
        $this->expectExceptionMessage('changed concurrently');
        $repository->transition($stale, 'start', 'running', null);
    }

    public function testPublishFailureDoesNotUndoTheTransition(): void
    {
        $id = $this->create();
        $this->events->failing = true;
        [$status, $run] = $this->send($id, ['event' => 'start']);
        self::assertSame([200, 'running'], [$status, $run['state']]);
    }

    public function testListsAndFinds(): void
    {
        $id = $this->create();
        $this->create();
        $this->send($id, ['event' => 'start']);
        [, $running] = $this->kernel->json('GET', '/v1/runs', null, ['state' => 'running']);
        self::assertSame([$id], array_column((array) $running['runs'], 'id'));
        [, $all] = $this->kernel->json('GET', '/v1/runs', null, ['limit' => '1']);
        self::assertCount(1, (array) $all['runs']);
        self::assertSame(200, $this->kernel->call('GET', '/v1/runs/' . $id)->status);
        self::assertSame(404, $this->kernel->call('GET', '/v1/runs/00000000-0000-4000-8000-999999999999')->status);
        self::assertSame(404, $this->kernel->call('GET', '/v1/runs/nope/transitions')->status);
    }

    /** @return iterable<string, array{string, string, string|null, array<string, string>, int, string}> */
    public static function badRequests(): iterable
    {
        $run = '/v1/runs/00000000-0000-4000-8000-000000000001/events';
        yield 'malformed' => ['POST', '/v1/runs', '{"workflow"', [], 400, 'not valid JSON'];
        yield 'missing workflow' => ['POST', '/v1/runs', '{}', [], 422, 'workflow: is required'];
        yield 'workflow type' => [
            'POST',
            '/v1/runs',
            '{"workflow":[]}',
            [],
            422,
            'workflow: must be a string, got array',
        ];
        yield 'workflow name' => [
            'POST',
            '/v1/runs',
            '{"workflow":"Bad Name"}',
            [],
            422,
            'workflow: must be lower-case',
        ];
        yield 'input type' => [
            'POST',
            '/v1/runs',
            '{"workflow":"a","input":"x"}',
            [],
            422,
            'input: must be an object, got string',
        ];
        yield 'event missing' => ['POST', $run, '{}', [], 422, 'event: is required'];
        yield 'event unknown' => [
            'POST',
            $run,
            '{"event":"explode"}',
            [],
            422,
            'event: must be one of start, complete, fail, cancel, retry',
        ];
        yield 'fail without error' => ['POST', $run, '{"event":"fail"}', [], 422, 'error: is required'];
        yield 'event malformed' => ['POST', $run, '[', [], 400, 'not valid JSON'];
        yield 'state filter' => ['GET', '/v1/runs', null, ['state' => 'done'], 422, 'state: must be one of pending'];
        yield 'count' => [
            'GET',
            '/v1/events',
            null,
            ['count' => '0'],
            422,
            'count: must be an integer between 1 and 1000',
        ];
    }

    /**
     * @dataProvider badRequests
     * @param array<string, string> $query
     */
    public function testBadRequestsAreJson4xx(
        string $method,
        string $path,
        ?string $body,
        array $query,
        int $status,
        string $message,
    ): void {
        $this->create();
        [$got, $decoded] = $this->kernel->json($method, $path, $body, $query);
        self::assertSame($status, $got);
        self::assertIsString($decoded['message']);
        self::assertStringContainsString($message, $decoded['message']);
    }

    public function testWiresFromRuntimeWithoutConnecting(): void
    {
        $env = new Env(['DATABASE_URL' => 'postgres://u:p@127.0.0.1:1/db', 'REDIS_URL' => 'redis://127.0.0.1:1']);
        $runtime = Runtime::boot(dirname(__DIR__, 2), $env, TestKernel::silentLogger());
        $kernel = new TestKernel(App::fromRuntime($runtime));
        self::assertSame(422, $kernel->call('POST', '/v1/runs', '{}')->status);
    }
}
