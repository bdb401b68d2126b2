<?php

declare(strict_types=1);

namespace Platform\Shared\Http;

use Platform\Shared\Health\Readiness;
use Platform\Shared\Log\Logger;
use Platform\Shared\Metrics\Metrics;
use Throwable;

/**
 * Handles a request: health and metrics endpoints, routing, JSON errors, request metrics and logs.
 */
final class Kernel
{
    public function __construct(
        private readonly Router $router,
        private readonly Readiness $readiness,
        private readonly Metrics $metrics,
        private readonly Logger $logger,
    ) {
    }

    public function handle(Request $request): Response
    {
        $started = hrtime(true);
        [$route, $response] = $this->dispatch($request);
        $seconds = (hrtime(true) - $started) / 1e9;
        try {
            $this->metrics->observeRequest($request->method, $route, $response->status, $seconds);
        } catch (Throwable $e) {
            $this->logger->warning('metrics not recorded', ['error' => $e->getMessage()]);
        }
        $this->logger->info('request', [
            'method' => $request->method,
            'path' => $request->path,
            'route' => $route,
            'status' => $response->status,
            'duration_ms' => round($seconds * 1000, 3),
        ]);

        return $response;
    }

    /** @return array{string, Response} route label and response */
    private function dispatch(Request $request): array
    {
        $builtin = match ($request->path) {
            '/health/live' => Response::json(['status' => 'live']),
            '/health/ready' => $this->readiness->respond(),
            '/metrics' => $this->metricsResponse(),
            default => null,
        };
        if ($builtin !== null) {
            return [$request->path, $builtin];
        }
        $route = 'unmatched';
        try {
            $match = $this->router->match($request->method, $request->path);
            $route = $match->pattern;

            return [$route, ($match->handler)($request, $match->params)];
        } catch (HttpError $e) {
            return [$route, $e->toResponse()];
        } catch (Throwable $e) {
            $this->logger->error('unhandled error', [
                'route' => $route,
                'error' => $e->getMessage(),
                'class' => $e::class,
            ]);

            $body = ['error' => 'internal_error', 'message' => 'internal error; see the service logs'];

            return [$route, Response::json($body, 500)];
        }
    }

    private function metricsResponse(): Response
    {
        try {
            $type = ['Content-Type' => 'text/plain; version=0.0.4; charset=utf-8'];

            return new Response(200, $this->metrics->render(), $type);
        } catch (Throwable $e) {
            return Response::json(['error' => 'metrics_unavailable', 'message' => $e->getMessage()], 503);
        }
    }
}
