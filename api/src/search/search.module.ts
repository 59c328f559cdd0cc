import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { DataSource } from 'typeorm';
import { AppConfig } from '../platform/config';
import { MeiliSearchIndex } from './meili-search.index';
import { PostgresSearchIndex } from './postgres-search.index';
import { SEARCH_INDEX } from './search-index';
import { SearchIndexer } from './search-indexer';
import { RelatedQuestionsResolver, SearchResolver } from './search.resolver';
import { SearchService } from './search.service';

@Module({
  imports: [IdentityModule],
  providers: [
    {
      provide: SEARCH_INDEX,
      inject: [AppConfig, DataSource],
      useFactory: (config: AppConfig, dataSource: DataSource) =>
        config.meiliUrl ? new MeiliSearchIndex(config.meiliUrl, config.meiliKey) : new PostgresSearchIndex(dataSource),
    },
    SearchService,
    SearchIndexer,
    SearchResolver,
    RelatedQuestionsResolver,
  ],
  exports: [SEARCH_INDEX, SearchIndexer],
})
export class SearchModule {}
