import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { IdentityModule } from '../identity/identity.module';
import { StaffFaceService } from './staff-face.service';
import { StaffPhotoController } from './staff-photo.controller';
import { StaffPhotoService } from './staff-photo.service';
import { PublicTeamResolver, StaffFaceResolver } from './staff.resolver';
import { TeamFacesService } from './team-faces.service';

/** Staff faces: real names, photos (upload and serving), and the "who answers here" page. */
@Module({
  imports: [IdentityModule, AuditModule],
  controllers: [StaffPhotoController],
  providers: [StaffPhotoService, StaffFaceService, TeamFacesService, StaffFaceResolver, PublicTeamResolver],
  exports: [StaffFaceService],
})
export class StaffModule {}
