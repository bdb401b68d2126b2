<?php

declare(strict_types=1);

return (require __DIR__ . '/vendor/platform/shared/qa/php-cs-fixer.php')(__DIR__);
