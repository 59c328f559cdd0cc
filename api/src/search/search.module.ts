import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { QaEventsModule } from '../qa/qa-events.module';
import { SearchListeners } from './search.listeners';
import { DataSource } from 'typeorm';
import { AppConfig } from '../platform/config';
import { MeiliSearchIndex } from './meili-search.index';
import { PostgresSearchIndex } from './postgres-search.index';
import { SEARCH_INDEX } from './search-index';
import { SearchIndexer } from './search-indexer';
import { RelatedQuestionsResolver, SearchResolver } from './search.resolver';
import { SearchService } from './search.service';

@Module({
  imports: [IdentityModule, QaEventsModule],
  providers: [
    {
      provide: SEARCH_INDEX,
      inject: [AppConfig, DataSource],
      useFactory: (config: AppConfig, dataSource: DataSource) =>
        config.meiliUrl ? new MeiliSearchIndex(config.meiliUrl, config.meiliKey) : new PostgresSearchIndex(dataSource),
    },
    SearchService,
    SearchListeners,
    SearchIndexer,
    SearchResolver,
    RelatedQuestionsResolver,
  ],
  exports: [SEARCH_INDEX, SearchIndexer],
})
export class SearchModule {}
