<?php

declare(strict_types=1);

namespace Platform\Bff;

use Platform\Bff\Upstream\Gateway;
use Platform\Bff\Upstream\Upstreams;
use Platform\Shared\App\Runtime;
use Platform\Shared\Http\Client\CurlHttpClient;
use Platform\Shared\Http\HttpError;
use Platform\Shared\Http\Input;
use Platform\Shared\Http\Request;
use Platform\Shared\Http\Response;
use Platform\Shared\Http\Router;

/**
 * Routes of the BFF: the platform's one public API, composed from the services behind it.
 */
final class App
{
    public function __construct(private readonly Gateway $gateway, private readonly StatusCache $cache)
    {
    }

    /** Wires the service for the HTTP front controller. */
    public static function fromRuntime(Runtime $runtime): Router
    {
        $timeout = (float) $runtime->env->int('UPSTREAM_TIMEOUT_SECONDS', 5, 1, 60);
        $gateway = new Gateway(new CurlHttpClient($timeout), Upstreams::fromEnv($runtime->env));

        return (new self($gateway, new RedisStatusCache($runtime->redis(), $runtime->config->cacheTtl)))->router();
    }

    public function router(): Router
    {
        return (new Router())
            ->get('/v1/status', fn (): Response => Response::json($this->status()))
            ->post('/v1/documents/process', fn (Request $r): Response => $this->process($r))
            ->get('/v1/runs/{id}', fn (Request $r, array $p): Response => $this->run($p['id']))
            ->post('/v1/ask', fn (Request $r): Response => Response::json($this->gateway->call(
                'llm-agent',
                'POST',
                '/v1/completions',
                ['prompt' => Input::fromRequest($r)->string('question', 4000)],
            )));
    }

    /** @return array<string, mixed> */
    private function status(): array
    {
        $cached = $this->cache->get();
        if ($cached !== null) {
            return $cached + ['cached' => true];
        }
        $services = [];
        foreach (array_keys(Upstreams::SERVICES) as $service) {
            $code = $this->gateway->readiness($service);
            $services[$service] = ['ready' => $code === 200, 'status' => $code];
        }
        $ready = array_filter($services, static fn (array $s): bool => $s['ready']);
        $status = ['status' => count($ready) === count($services) ? 'ok' : 'degraded', 'services' => $services];
        $this->cache->put($status);

        return $status + ['cached' => false];
    }

    /** Validates the input, starts a workflow run, records who asked, and optionally notifies. */
    private function process(Request $request): Response
    {
        $in = Input::fromRequest($request);
        $document = ['document_id' => $in->string('document_id', 128), 'steps' => $in->list('steps', 20)];
        if ($in->has('language')) {
            $document['language'] = $in->string('language', 8);
        }
        $check = $this->gateway->call('validation', 'POST', '/v1/schemas/workflow-input/validate', $document);
        if (($check['valid'] ?? false) !== true) {
            return Response::json([
                'error' => 'invalid_document',
                'message' => 'the document does not match the workflow-input schema',
                'errors' => $check['errors'] ?? [],
            ], 422);
        }
        $run = $this->gateway->call(
            'workflow-orchestrator',
            'POST',
            '/v1/runs',
            ['workflow' => 'document.process', 'input' => $document],
        );
        $runId = is_string($run['id'] ?? null) ? $run['id'] : throw new HttpError(
            502,
            'upstream_failed',
            'workflow-orchestrator returned no run id',
        );
        $audit = $this->gateway->call('audit', 'POST', '/v1/events', [
            'actor' => $request->header('x-user') ?? 'anonymous',
            'action' => 'workflow.requested',
            'resource' => 'run/' . $runId,
            'metadata' => ['document_id' => $document['document_id']],
        ]);
        if ($in->has('notify')) {
            $notify = $in->nested('notify');
            $this->gateway->call('notification', 'POST', '/v1/notifications', [
                'channel' => $notify->string('channel', 32),
                'recipient' => $notify->string('recipient', 2048),
                'message' => sprintf('workflow run %s started for document %s', $runId, $document['document_id']),
            ]);
        }

        return Response::json(['run' => $run, 'audit_event_id' => $audit['id'] ?? null], 201);
    }

    private function run(string $id): Response
    {
        $run = $this->gateway->call('workflow-orchestrator', 'GET', '/v1/runs/' . rawurlencode($id));
        $audit = $this->gateway->call('audit', 'GET', '/v1/events?resource=' . rawurlencode('run/' . $id));

        return Response::json(['run' => $run, 'audit' => $audit['events'] ?? []]);
    }
}
