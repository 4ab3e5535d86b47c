/**
 * What a place's page and a tour's page show, in both languages, as plain JSON: the build writes
 * it into the page and into `/data/places/<bucket>.json`, so a client (the offline app) can draw
 * the same page from the same data with the same component.
 */
import type { Text } from '../layers/types';
import type { LocatorModel } from './locator';

export interface PlaceFact {
	key: string;
	label: Text;
	value: Text;
	/** A web address the value links to. */
	href?: string;
}

export interface PlaceCredit {
	attribution: string;
	licence: string;
	link: string;
}

export interface NearbyPlace {
	id: string;
	name: Text;
	layer: Text;
	metres: number;
	minutes: number;
}

export interface PlaceData {
	id: string;
	layer: string;
	layerTitle: Text;
	/** schema.org type: a listed building is a landmark, anything else a place. */
	schemaType: 'LandmarksOrHistoricalBuildings' | 'Place';
	name: Text;
	/** The name in the other language where it differs (shown under the title). */
	altName: Text | null;
	point: [number, number];
	district: Text | null;
	photo: { file: string; credit: string; link: string | null } | null;
	facts: PlaceFact[];
	/** The street the place is on, and its names under the concession. */
	street: { now: Text; then: string | null; fr: string | null } | null;
	description: Text | null;
	credits: PlaceCredit[];
	locator: LocatorModel;
	nearby: NearbyPlace[];
	tours: Array<{ id: string; title: Text; stop: number }>;
	/** For the page's meta description. */
	summary: Text;
}

export interface TourLegData {
	metres: number;
	minutes: number;
	streets: Array<{ now: Text; then: string | null; fr: string | null }>;
}

export interface TourStopData {
	id: string;
	layer: string;
	name: Text;
	/** Whether the stop has a page of its own. */
	page: boolean;
	year: string | null;
	architect: string | null;
	address: string | null;
	addressHistoric: string | null;
	street: { now: string; then: string | null; fr: string | null } | null;
	photo: { file: string; credit: string; link: string | null } | null;
	why: Text;
}

export interface TourPageData {
	id: string;
	title: Text;
	summary: Text;
	stops: TourStopData[];
	/** legs[i] walks from stop i to stop i + 1. */
	legs: TourLegData[];
	metres: number;
	minutes: number;
	/** Walking pace the times assume, metres per minute. */
	pace: number;
	locator: LocatorModel;
}
