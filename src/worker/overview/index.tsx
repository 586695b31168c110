/**
 * 统计与花名册 for township supervisors, the county, the city and the province: counts by category × status and by village ×
 * status, and the roster export. The county may narrow everything to one township, and anyone here to one
 * village (a tap on its row): category × status × village.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import ActionButton from '@/components/button'
import type { RegionStats } from '@/domain/api'
import WorkerShell from '../components/worker-shell'
import { errorText, SignedOutError, workerApi } from '../logic/api'
import { toLogin } from '../logic/nav'
import { useSession } from '../logic/session'
import { OVERVIEW_TEXT } from '../strings'
import ExportCard from './export-card'
import { QuarterlyTable, VillageQuarterly } from './quarterly-card'
import ReportCountsCard from './reports'
import { CategoryTable, VillageTable } from './tables'
import VisitsCard from './visits-card'
import TransfersCard from './transfers-card'
import TownshipChooser, { type Township } from './township-chooser'
import VillageChart, { REGISTRATIONS_SERIES } from './village-chart'
import { visitsSeries } from './visits-series'
import './index.scss'

export default function OverviewPage() {
  const session = useSession()
  const [region, setRegion] = useState<string>()
  const [stats, setStats] = useState<RegionStats>()
  const [problem, setProblem] = useState<string>()
  const role = session?.user.role
  const upper = !!role && role !== 'village_worker'
  const county = role === 'county_admin' ? (session?.user.regionCode ?? undefined) : undefined
  // A county's townships: the chooser, and the township in front of each village's name (names repeat).
  const [townships, setTownships] = useState<Township[]>([])
  useEffect(() => {
    if (county)
      workerApi.children(county).then(
        (r) => setTownships(r.items),
        () => undefined,
      )
  }, [county])

  useEffect(() => {
    if (!upper) return
    let live = true
    setProblem(undefined)
    workerApi.stats(region).then(
      (s) => live && setStats(s),
      (error) => {
        if (error instanceof SignedOutError) return toLogin()
        if (live) setProblem(errorText(error))
      },
    )
    return () => {
      live = false
    }
  }, [region, upper])

  // A county's villages are named with their township (village names repeat across townships).
  const townshipName = (code: string) => (county ? (townships.find((t) => t.code === code.slice(0, 9))?.name ?? '') : '')

  return (
    <WorkerShell page='overview'>
      {!upper && <Text className='line'>{OVERVIEW_TEXT.onlyUpper}</Text>}
      {role === 'village_worker' && <VillageQuarterly />}
      {county && <TownshipChooser townships={townships} value={region?.slice(0, 9)} onPick={setRegion} />}
      {problem && (
        <View className='field__error' ariaRole='alert' id='overview-error'>
          <Text>{problem}</Text>
        </View>
      )}
      {upper && !stats && !problem && <Text className='line muted'>{OVERVIEW_TEXT.loading}</Text>}
      {upper && stats && (
        <View className='overview'>
          <View className='card' id='overview-summary'>
            <Text className='card__title'>{OVERVIEW_TEXT.region(stats.region.name)}</Text>
            <Text className='line' id='overview-total'>
              {OVERVIEW_TEXT.total(stats.total)}
            </Text>
            {region?.length === 12 && (
              <ActionButton
                id='overview-up'
                label={OVERVIEW_TEXT.backUp}
                onTap={() => setRegion(county ? region.slice(0, 9) : undefined)}
              />
            )}
          </View>
          <ReportCountsCard
            reports={stats.reports}
            township={(code) => (county ? (townships.find((t) => t.code === code.slice(0, 9))?.name ?? '') : '')}
          />
          {stats.byVillage && (
            <VillageChart
              rows={[...stats.byVillage]
                .sort((a, b) => a.code.localeCompare(b.code))
                .map((village) => ({ village, name: `${townshipName(village.code)}${village.name}` }))}
              series={stats.visits ? [REGISTRATIONS_SERIES, visitsSeries(stats.visits)] : [REGISTRATIONS_SERIES]}
            />
          )}
          <CategoryTable stats={stats} />
          <VillageTable stats={stats} townships={county ? townships : []} onPick={setRegion} />
          <VisitsCard stats={stats} />
          {stats.quarterly && <QuarterlyTable progress={stats.quarterly} />}
          <TransfersCard stats={stats} />
          <ExportCard region={region} regionName={stats.region.name} />
        </View>
      )}
    </WorkerShell>
  )
}
