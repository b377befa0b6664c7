import { describe, expect, test } from 'vitest';
import { at } from './helpers.js';

const rule = 'gem-package-unpinned';

describe(rule, () => {
  test('-v, --version=, a Gemfile and .gem files pin; option values are not gems', async () => {
    const text = 'FROM ruby:3.3\nRUN gem install rails -v 7.1 && gem i rake --version=13 && gem install -g Gemfile && gem install ./a-1.gem --source https://r b:1\n';
    expect(await at(rule, text)).toEqual([]);
    expect(await at(rule, 'FROM ruby:3.3\nRUN gem install --no-document -n /usr/bin bundler\n')).toEqual(['bundler']);
  });
});
