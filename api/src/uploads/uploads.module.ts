import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { PostgresUploadStore, UploadStore } from './upload-store';
import { UploadsController } from './uploads.controller';
import { UploadsService } from './uploads.service';

/** Images in posts: upload (checked and re-encoded), storage and serving under /uploads. */
@Module({
  imports: [IdentityModule],
  controllers: [UploadsController],
  providers: [UploadsService, { provide: UploadStore, useClass: PostgresUploadStore }],
})
export class UploadsModule {}
