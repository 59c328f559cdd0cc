import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { PostgresUploadStore, UploadStore } from './upload-store';
import { UnusedUploadSweeper } from './unused-upload-sweeper';
import { UploadsController } from './uploads.controller';
import { UploadsService } from './uploads.service';

/** Images in posts: upload (checked and re-encoded), storage, serving under /uploads, and deleting the unused ones. */
@Module({
  imports: [IdentityModule],
  controllers: [UploadsController],
  providers: [UploadsService, UnusedUploadSweeper, { provide: UploadStore, useClass: PostgresUploadStore }],
})
export class UploadsModule {}
