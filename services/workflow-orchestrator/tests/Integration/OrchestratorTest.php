<?php

declare(strict_types=1);

namespace Platform\WorkflowOrchestrator\Tests\Integration;

use Platform\Shared\Http\Client\CurlHttpClient;
use Platform\Shared\Testing\IntegrationEnv;
use Platform\Shared\Testing\PhpServer;
use Platform\Shared\Testing\TestKernel;
use Platform\WorkflowOrchestrator\App;
use Platform\WorkflowOrchestrator\Runs\RedisRunEvents;
use Platform\WorkflowOrchestrator\Runs\RunRepository;
use Platform\WorkflowOrchestrator\Runs\StateMachine;
use PHPUnit\Framework\TestCase;

/**
 * Drives runs against the real PostgreSQL and Redis of DATABASE_URL and REDIS_URL.
 */
final class OrchestratorTest extends TestCase
{
    public function testRunLifecyclePersistsAndPublishes(): void
    {
        $db = IntegrationEnv::database(dirname(__DIR__, 2));
        $events = new RedisRunEvents(IntegrationEnv::redis());
        $app = new App(new RunRepository($db), new StateMachine(3), $events, TestKernel::silentLogger());
        $kernel = new TestKernel($app->router());

        [$status, $run] = $kernel->json('POST', '/v1/runs', ['workflow' => 'doc.process', 'input' => ['doc' => 'ü']]);
        self::assertSame(201, $status);
        $id = (string) $run['id'];
        foreach (['start', 'fail', 'retry', 'start', 'complete'] as $event) {
            [$status] = $kernel->json('POST', "/v1/runs/$id/events", ['event' => $event, 'error' => 'boom']);
            self::assertSame(200, $status, $event);
        }
        [, $done] = $kernel->json('GET', "/v1/runs/$id");
        self::assertSame(
            ['succeeded', 2, 6, ['doc' => 'ü']],
            [$done['state'], $done['attempt'], $done['version'], $done['input']],
        );
        [, $history] = $kernel->json('GET', "/v1/runs/$id/transitions");
        self::assertSame(
            ['start', 'fail', 'retry', 'start', 'complete'],
            array_column((array) $history['transitions'], 'event'),
        );
        $recent = $events->recent(5);
        self::assertSame(['complete', 'start', 'retry', 'fail', 'start'], array_column($recent, 'event'));
        self::assertSame($id, $recent[0]['run_id']);
        [, $list] = $kernel->json('GET', '/v1/runs', null, ['state' => 'succeeded', 'limit' => '500']);
        self::assertContains($id, array_column((array) $list['runs'], 'id'));
    }

    public function testStaleVersionIsAConflict(): void
    {
        $repository = new RunRepository(IntegrationEnv::database(dirname(__DIR__, 2)));
        $run = $repository->create('stale', []);
        $repository->transition($run, 'start', 'running', null);
        $this->expectExceptionMessage('changed concurrently');
        $repository->transition($run, 'cancel', 'cancelled', null);
    }

    public function testServesOverHttp(): void
    {
        IntegrationEnv::database(dirname(__DIR__, 2));
        $server = PhpServer::start(
            dirname(__DIR__, 2) . '/public/index.php',
            ['LOG_LEVEL' => 'error', 'REDIS_PREFIX' => IntegrationEnv::prefix()],
        );
        try {
            $client = new CurlHttpClient();
            self::assertSame(200, $client->send('GET', $server->url('/health/ready'))->status);
            $run = $client->send('POST', $server->url('/v1/runs'), ['workflow' => 'http']);
            self::assertSame(201, $run->status);
            $id = (string) ($run->json()['id'] ?? '');
            self::assertSame(
                409,
                $client->send('POST', $server->url("/v1/runs/$id/events"), ['event' => 'complete'])->status,
            );
            self::assertStringContainsString('status="409"', $client->send('GET', $server->url('/metrics'))->body);
        } finally {
            $server->stop();
        }
    }
}
