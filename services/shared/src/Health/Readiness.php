<?php

declare(strict_types=1);

namespace Platform\Shared\Health;

use Platform\Shared\Http\Response;
use Throwable;

/**
 * Answers /health/ready: 200 when every declared dependency answers, 503 naming the failing ones.
 */
final class Readiness
{
    /** @param list<Check> $checks */
    public function __construct(private readonly array $checks)
    {
    }

    public function respond(): Response
    {
        $results = [];
        $failing = [];
        foreach ($this->checks as $check) {
            try {
                $check->check();
                $results[$check->name()] = 'ok';
            } catch (Throwable $e) {
                $failing[] = $check->name();
                $results[$check->name()] = trim($e->getMessage());
            }
        }
        if ($failing === []) {
            return Response::json(['status' => 'ready', 'checks' => (object) $results]);
        }

        return Response::json([
            'status' => 'unavailable',
            'error' => 'dependency_unavailable',
            'message' => 'not ready: ' . implode(', ', $failing) . ' unavailable',
            'failing' => $failing,
            'checks' => $results,
        ], 503);
    }
}
