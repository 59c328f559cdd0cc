import { registerEnumType } from '@nestjs/graphql';

/** The languages the product speaks (staff profiles, team promises, the web's catalogues). */
export enum LocaleValue {
  EN = 'en',
  DE = 'de',
}
registerEnumType(LocaleValue, { name: 'Locale', description: 'A language the product speaks.' });
