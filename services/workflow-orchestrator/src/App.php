<?php

declare(strict_types=1);

namespace Platform\WorkflowOrchestrator;

use Platform\Shared\App\Runtime;
use Platform\Shared\Http\HttpError;
use Platform\Shared\Http\Input;
use Platform\Shared\Http\Query;
use Platform\Shared\Http\Request;
use Platform\Shared\Http\Response;
use Platform\Shared\Http\Router;
use Platform\Shared\Log\Logger;
use Platform\WorkflowOrchestrator\Runs\RedisRunEvents;
use Platform\WorkflowOrchestrator\Runs\Run;
use Platform\WorkflowOrchestrator\Runs\RunEvents;
use Platform\WorkflowOrchestrator\Runs\RunRepository;
use Platform\WorkflowOrchestrator\Runs\StateMachine;
use Throwable;

/**
 * Routes of the workflow-orchestrator: create runs, drive them through the state machine, read history and events.
 */
final class App
{
    public function __construct(
        private readonly RunRepository $runs,
        private readonly StateMachine $machine,
        private readonly RunEvents $events,
        private readonly Logger $logger,
    ) {
    }

    /** Wires the service for the HTTP front controller. */
    public static function fromRuntime(Runtime $runtime): Router
    {
        $machine = new StateMachine($runtime->env->int('WORKFLOW_MAX_ATTEMPTS', 3, 1, 100));
        $events = new RedisRunEvents($runtime->redis());

        return (new self(new RunRepository($runtime->database()), $machine, $events, $runtime->logger))->router();
    }

    public function router(): Router
    {
        return (new Router())
            ->post('/v1/runs', fn (Request $r): Response => $this->create($r))
            ->get('/v1/runs', fn (Request $r): Response => $this->list($r))
            ->get(
                '/v1/runs/{id}',
                fn (Request $r, array $p): Response => Response::json($this->find($p['id'])->toArray()),
            )
            ->get('/v1/runs/{id}/transitions', fn (Request $r, array $p): Response => Response::json([
                'transitions' => $this->runs->history($this->find($p['id'])->id),
            ]))
            ->post('/v1/runs/{id}/events', fn (Request $r, array $p): Response => $this->apply($r, $p['id']))
            ->get('/v1/events', fn (Request $r): Response => Response::json([
                'events' => $this->events->recent(Query::of($r)->int('count', 50, 1, 1000)),
            ]));
    }

    private function create(Request $request): Response
    {
        $in = Input::fromRequest($request);
        $workflow = $in->string('workflow', 200);
        if (preg_match('/^[a-z0-9][a-z0-9._-]*$/', $workflow) !== 1) {
            throw HttpError::invalidField('workflow', 'must be lower-case letters, digits, ".", "_" or "-"');
        }
        $run = $this->runs->create($workflow, $in->optionalObject('input'));

        return Response::json($run->toArray(), 201, ['Location' => '/v1/runs/' . $run->id]);
    }

    private function list(Request $request): Response
    {
        $query = Query::of($request);
        $state = $query->string('state', 20);
        if ($state !== null && !in_array($state, StateMachine::STATES, true)) {
            throw HttpError::invalidField('state', 'must be one of ' . implode(', ', StateMachine::STATES));
        }
        $runs = $this->runs->list($state, $query->int('limit', 50, 1, 500));

        return Response::json(['runs' => array_map(static fn (Run $r): array => $r->toArray(), $runs)]);
    }

    private function apply(Request $request, string $id): Response
    {
        $in = Input::fromRequest($request);
        $event = $in->oneOf('event', StateMachine::EVENTS);
        $error = $event === 'fail' ? $in->string('error', 2000) : null;
        $run = $this->find($id);
        $updated = $this->runs->transition($run, $event, $this->machine->next($run, $event), $error);
        try {
            $this->events->publish($updated, $event, $run->state);
        } catch (Throwable $e) {
            // PostgreSQL holds the truth; a lost stream entry must not undo a committed transition.
            $this->logger->warning('run event not published', ['run' => $run->id, 'error' => $e->getMessage()]);
        }

        return Response::json($updated->toArray());
    }

    private function find(string $id): Run
    {
        return $this->runs->find($id) ?? throw HttpError::notFound(sprintf('no run %s', $id));
    }
}
