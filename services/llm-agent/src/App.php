<?php

declare(strict_types=1);

namespace Platform\LlmAgent;

use Platform\LlmAgent\Llm\Agent;
use Platform\LlmAgent\Llm\LocalProvider;
use Platform\LlmAgent\Llm\OpenAiProvider;
use Platform\LlmAgent\Llm\Prompt;
use Platform\LlmAgent\Llm\Provider;
use Platform\LlmAgent\Llm\ProviderError;
use Platform\LlmAgent\Llm\RedisCompletionCache;
use Platform\Shared\App\Runtime;
use Platform\Shared\Config\ConfigError;
use Platform\Shared\Config\Env;
use Platform\Shared\Http\Client\CurlHttpClient;
use Platform\Shared\Http\HttpError;
use Platform\Shared\Http\Input;
use Platform\Shared\Http\Request;
use Platform\Shared\Http\Response;
use Platform\Shared\Http\Router;

/**
 * Routes of the llm-agent: completions and summaries through the configured provider.
 */
final class App
{
    public function __construct(private readonly Agent $agent)
    {
    }

    /** Wires the service for the HTTP front controller. */
    public static function fromRuntime(Runtime $runtime): Router
    {
        $cache = new RedisCompletionCache($runtime->redis(), $runtime->config->cacheTtl);

        return (new self(new Agent(self::provider($runtime->env), $cache)))->router();
    }

    /** Chooses the provider from LLM_PROVIDER: local (default, deterministic, offline) or openai (needs LLM_API_KEY). */
    public static function provider(Env $env): Provider
    {
        $name = $env->string('LLM_PROVIDER', 'local');

        return match ($name) {
            'local' => new LocalProvider(),
            'openai' => new OpenAiProvider(
                new CurlHttpClient((float) $env->int('LLM_TIMEOUT_SECONDS', 30, 1, 300)),
                $env->string('LLM_BASE_URL', 'https://api.openai.com'),
                $env->required('LLM_API_KEY', 'LLM_PROVIDER=openai needs the API key, mounted from a secret'),
                $env->string('LLM_MODEL', 'gpt-4o-mini'),
            ),
            default => throw new ConfigError(sprintf('LLM_PROVIDER must be "local" or "openai", got "%s"', $name)),
        };
    }

    public function router(): Router
    {
        return (new Router())
            ->post('/v1/completions', fn (Request $r): Response => $this->completion($r))
            ->post('/v1/summaries', fn (Request $r): Response => $this->summary($r))
            ->get('/v1/provider', fn (): Response => Response::json([
                'provider' => $this->agent->provider()->name(),
                'model' => $this->agent->provider()->model(),
            ]));
    }

    private function completion(Request $request): Response
    {
        $in = Input::fromRequest($request);
        $prompt = new Prompt(
            $in->string('prompt', 20_000),
            $in->optionalInt('max_tokens', 256, 1, 4096),
            $in->optionalFloat('temperature', 0.0, 0.0, 2.0),
        );

        return $this->answer(fn () => $this->agent->complete($prompt));
    }

    private function summary(Request $request): Response
    {
        $in = Input::fromRequest($request);
        $text = $in->string('text', 50_000);
        $maxWords = $in->optionalInt('max_words', 100, 5, 1000);

        return $this->answer(fn () => $this->agent->summarize($text, $maxWords));
    }

    /** @param callable(): \Platform\LlmAgent\Llm\Completion $call */
    private function answer(callable $call): Response
    {
        try {
            return Response::json($call()->toArray());
        } catch (ProviderError $e) {
            throw new HttpError(502, 'provider_error', $e->getMessage());
        }
    }
}
