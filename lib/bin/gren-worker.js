#!/usr/bin/env node
'use strict';
require('./start-compiled')('gren-worker');
