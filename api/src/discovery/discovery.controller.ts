import { BadRequestException, Controller, Get, Query } from '@nestjs/common';
import { isId } from '../platform/ids';
import { DiscoveryService, MAX_INDEX_PAGE, type PublicQuestionPage, type SitemapChunk } from './discovery.service';

const PAGE = /^[1-9]\d{0,5}$/;

/**
 * The public question index for sitemaps, over plain HTTP: it lists tens of thousands of entries
 * per request, which GraphQL's per-field cost model is not made for. Public data only (what the
 * thread pages show anyone), no session is read.
 */
@Controller('discovery')
export class DiscoveryController {
  constructor(private readonly discovery: DiscoveryService) {}

  /** `?after=<id>&until=<id>&first=<n ≤ 10000>`: public questions in id order. */
  @Get('questions')
  questions(@Query('after') after?: string, @Query('until') until?: string, @Query('first') first?: string): Promise<PublicQuestionPage> {
    if (after !== undefined && after !== '0' && !isId(after)) throw new BadRequestException('after must be a question id');
    if (until !== undefined && !isId(until)) throw new BadRequestException('until must be a question id');
    if (first !== undefined && !PAGE.test(first)) throw new BadRequestException(`first must be 1 to ${MAX_INDEX_PAGE}`);
    return this.discovery.publicQuestions({
      after: after ?? '0',
      until: until ?? null,
      first: first === undefined ? 1000 : Math.min(Number(first), MAX_INDEX_PAGE),
    });
  }

  /** The sitemap chunks (fixed id ranges) that hold public questions, with their last modification. */
  @Get('sitemap')
  sitemap(): Promise<{ chunkSize: number; chunks: SitemapChunk[] }> {
    return this.discovery.sitemapChunks();
  }
}
