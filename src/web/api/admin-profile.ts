/** The administration endpoints of the town profile (src/server/routes/api/v1/admin-profile.ts). */
import type { AdminProfileDto, ProfileSectionResultDto } from '../../contracts/admin-profile.js';
import type { ProfileSection, SectionContent } from '../../domain/profile/profile-sections.js';
import { request } from './client.js';

export type { AdminProfileDto, ProfileSectionResultDto };

export const fetchAdminProfile = (): Promise<AdminProfileDto> => request<AdminProfileDto>('/admin/profile');

export const saveProfileSection = <S extends ProfileSection>(section: S, baseHash: string, content: SectionContent[S]): Promise<ProfileSectionResultDto> =>
  request<ProfileSectionResultDto>(`/admin/profile/${section}`, { method: 'PUT', body: { baseHash, content } });
