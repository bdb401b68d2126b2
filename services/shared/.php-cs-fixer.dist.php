<?php

declare(strict_types=1);

return (require __DIR__ . '/qa/php-cs-fixer.php')(__DIR__);
